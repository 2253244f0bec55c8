import { gunzipSync, gzipSync } from 'node:zlib';
import { RestError, type TableClient } from '@azure/data-tables';
import type { Matching } from '../../domain/matching-run/matching-run';
import type { MatchingStore } from '../../ports/matching';
import { AlreadyExistsError, StaleVersionError, type Versioned } from '../../ports/versioned';
import { parseStored, StoredRowError, type TableConnection, tableClient } from './json-table';
import { storedMatching } from './matching-row';

const ROW = 'current';
/**
 * A string property holds at most 64 KiB (32K UTF-16 units) and an entity 1 MiB: a matching of a
 * few hundred applicants with its reasons is larger than one property, so its JSON is gzipped (the
 * reasons repeat a lot) and the base64 split over numbered properties of one entity — still one
 * row, one ETag, one atomic replace.
 */
const CHUNK = 30_000;
const MAX_CHUNKS = 16;

type Row = { partitionKey: string; rowKey: string; chunks: number } & Record<string, unknown>;

function toRow(matching: Matching): Row {
  const packed = gzipSync(JSON.stringify(matching)).toString('base64');
  const chunks = Math.max(1, Math.ceil(packed.length / CHUNK));
  if (chunks > MAX_CHUNKS) {
    throw new Error(
      `The matching of programme ${matching.programmeId} is too large to store (${packed.length} characters packed).`,
    );
  }
  const row: Row = { partitionKey: matching.programmeId, rowKey: ROW, chunks };
  for (let i = 0; i < chunks; i++) row[`d${i}`] = packed.slice(i * CHUNK, (i + 1) * CHUNK);
  return row;
}

/** The stored matching, read with its schema (matching-row.ts); StoredRowError when it does not read. */
function fromRow(row: Record<string, unknown>): Matching {
  let packed = '';
  for (let i = 0; i < Number(row.chunks); i++) packed += String(row[`d${i}`] ?? '');
  const key = String(row.partitionKey ?? '');
  let json: string;
  try {
    json = gunzipSync(Buffer.from(packed, 'base64')).toString('utf8');
  } catch {
    throw new StoredRowError('matchings', key, ROW, 'not a gzipped matching');
  }
  return parseStored('matchings', key, ROW, json, storedMatching);
}

/** Matchings in the `matchings` table: one row per programme (its own partition). */
export function matchingTable(connection: TableConnection): MatchingStore {
  const client: TableClient = tableClient(connection, 'matchings');
  let ready: Promise<unknown> | undefined;
  const ensure = () => {
    ready ??= client.createTable().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    async get(programmeId) {
      await ensure();
      try {
        const row = await client.getEntity<Row>(programmeId, ROW);
        return { value: fromRow(row), etag: row.etag };
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 404) return undefined;
        throw error;
      }
    },
    async create(matching): Promise<Versioned<Matching>> {
      await ensure();
      try {
        const r = await client.createEntity(toRow(matching));
        return { value: matching, etag: r.etag! };
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 409) {
          throw new AlreadyExistsError('The matching');
        }
        throw error;
      }
    },
    async replace(matching, etag) {
      await ensure();
      try {
        // Replace (not merge): a smaller matching must not keep the old tail's chunks.
        const r = await client.updateEntity(toRow(matching), 'Replace', { etag });
        return { value: matching, etag: r.etag! };
      } catch (error) {
        if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404)) {
          throw new StaleVersionError('The matching');
        }
        throw error;
      }
    },
  };
}
