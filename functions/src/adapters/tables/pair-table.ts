import {
  odata,
  RestError,
  type TableClient,
  type TableEntityResult,
  type TransactionAction,
} from '@azure/data-tables';
import { z } from 'zod';
import type { Pair } from '../../domain/pair/pair';
import { type PairConfirmation, PairContentionError, type PairStore } from '../../ports/pairs';
import { StaleVersionError, type Versioned } from '../../ports/versioned';
import {
  errorLog,
  parseStored,
  StoredRowError,
  type TableConnection,
  tableClient,
} from './json-table';

/**
 * Pairs in the `pairs` table, one partition per programme, so that one entity group transaction
 * can record a confirmation whole: the pair, the mentee's slot (one pair per mentee and programme),
 * the mentor's load (quoting the ETag read, so two confirmations never both take the last place)
 * and a membership row for each member. A lost race is re-read and retried; the re-read decides.
 *
 * Row keys: `pair-{pairId}`, `mentee-{personId}`, `mentor-{personId}`, `member-{personId}-{pairId}`.
 * The `pairlookup` table maps a pair id to its programme, for reads by id alone.
 */
const ATTEMPTS = 30;

/** A stored pair as this adapter reads it (its migration point: no field added yet). */
const storedPair: z.ZodType<Pair> = z.object({
  id: z.string().min(1),
  programmeId: z.string().min(1),
  programmeName: z.string(),
  mentor: z.object({ id: z.string().min(1), name: z.string() }),
  mentee: z.object({ id: z.string().min(1), name: z.string() }),
  status: z.enum(['confirmed', 'booking', 'booked', 'bookingFailed']),
  score: z.number(),
  reasons: z.array(
    z.object({
      code: z.string(),
      text: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  proposalId: z.string(),
  confirmedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A mentor's load row lists the pair ids it counts, as JSON. */
const pairIdList = z.array(z.string());

interface PairRow {
  partitionKey: string;
  rowKey: string;
  data: string;
}
interface MentorRow {
  partitionKey: string;
  rowKey: string;
  count: number;
  pairIds: string;
}

const pairKey = (id: string) => `pair-${id}`;
const menteeKey = (id: string) => `mentee-${id}`;
const mentorKey = (id: string) => `mentor-${id}`;
const memberKey = (personId: string, pairId: string) => `member-${personId}-${pairId}`;

function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof RestError && statuses.includes(error.statusCode ?? 0);
}

export function pairTable(connection: TableConnection): PairStore {
  const pairs: TableClient = tableClient(connection, 'pairs');
  const lookup: TableClient = tableClient(connection, 'pairlookup');
  let ready: Promise<unknown> | undefined;
  const ensure = () => {
    ready ??= Promise.all([pairs.createTable(), lookup.createTable()]).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  async function read<T extends object>(partition: string, row: string) {
    try {
      return await pairs.getEntity<T>(partition, row);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async function readPair(programmeId: string, pairId: string) {
    const row = await read<PairRow>(programmeId, pairKey(pairId));
    if (!row) return undefined;
    return {
      value: parseStored('pairs', programmeId, row.rowKey, row.data, storedPair),
      etag: row.etag,
    };
  }

  async function forget(pairId: string) {
    await lookup.deleteEntity(pairId, 'pair').catch(() => undefined);
  }

  return {
    async confirm(pair, capacity): Promise<PairConfirmation> {
      await ensure();
      const p = pair.programmeId;
      // The lookup row before the pair exists: a failed confirmation leaves at most a lookup to
      // nothing, never a pair that cannot be found by its id.
      const indexed = lookup.upsertEntity(
        { partitionKey: pair.id, rowKey: 'pair', programmeId: p },
        'Replace',
      );
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const [, mentor, mentee] = await Promise.all([
          indexed,
          read<MentorRow>(p, mentorKey(pair.mentor.id)),
          read<{ pairId: string }>(p, menteeKey(pair.mentee.id)),
        ]);
        if (mentee) {
          await forget(pair.id);
          return {
            ok: false,
            reason: { code: 'menteeAlreadyPaired', pairId: mentee.pairId ?? null },
          };
        }
        const count = mentor?.count ?? 0;
        if (count >= capacity) {
          await forget(pair.id);
          // The two reads ran side by side: a confirmation that committed between them shows in the
          // mentor's load but not yet in the mentee read. Read the mentee again, so the answer names
          // what really stands in the way.
          const menteeNow = await read<{ pairId: string }>(p, menteeKey(pair.mentee.id));
          if (menteeNow)
            return {
              ok: false,
              reason: { code: 'menteeAlreadyPaired', pairId: menteeNow.pairId ?? null },
            };
          return { ok: false, reason: { code: 'mentorFull', capacity } };
        }
        const counted = mentor
          ? parseStored('pairs', p, mentor.rowKey, mentor.pairIds, pairIdList)
          : [];
        const pairIds = JSON.stringify([...counted, pair.id]);
        const load = {
          partitionKey: p,
          rowKey: mentorKey(pair.mentor.id),
          count: count + 1,
          pairIds,
        };
        const actions: TransactionAction[] = [
          ['create', { partitionKey: p, rowKey: pairKey(pair.id), data: JSON.stringify(pair) }],
          ['create', { partitionKey: p, rowKey: menteeKey(pair.mentee.id), pairId: pair.id }],
          mentor ? ['update', load, 'Replace', { etag: mentor.etag }] : ['create', load],
          ['create', { partitionKey: p, rowKey: memberKey(pair.mentor.id, pair.id) }],
          ['create', { partitionKey: p, rowKey: memberKey(pair.mentee.id, pair.id) }],
        ];
        try {
          const response = await pairs.submitTransaction(actions);
          const etag = response.subResponses.find((r) => r.rowKey === pairKey(pair.id))?.etag;
          if (etag) return { ok: true, pair: { value: pair, etag } };
          const stored = await readPair(p, pair.id);
          if (!stored)
            throw new Error(`The pair ${pair.id} was confirmed but cannot be read back.`);
          return { ok: true, pair: stored };
        } catch (error) {
          // Another confirmation changed the mentor's load or took the mentee first: re-read.
          if (!isStatus(error, 409, 412)) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
        }
      }
      await forget(pair.id);
      throw new PairContentionError('The mentor or mentee kept changing; try again.');
    },

    async get(pairId) {
      await ensure();
      let programmeId: string;
      try {
        programmeId = String((await lookup.getEntity(pairId, 'pair')).programmeId);
      } catch (error) {
        if (isStatus(error, 404)) return undefined;
        throw error;
      }
      return readPair(programmeId, pairId);
    },

    async listByProgramme(programmeId) {
      await ensure();
      const out: Versioned<Pair>[] = [];
      const rows = pairs.listEntities<PairRow>({
        queryOptions: {
          filter: odata`PartitionKey eq ${programmeId} and RowKey ge 'pair-' and RowKey lt 'pair.'`,
        },
      });
      for await (const row of rows as AsyncIterable<TableEntityResult<PairRow>>) {
        try {
          const value = parseStored('pairs', programmeId, row.rowKey, row.data, storedPair);
          out.push({ value, etag: row.etag });
        } catch (error) {
          // One bad row is logged and left out: the programme's other pairs are still served.
          if (!(error instanceof StoredRowError)) throw error;
          errorLog('A stored row was left out of a list of pairs', error);
        }
      }
      return out;
    },

    async listByMember(personId, programmeIds) {
      await ensure();
      const from = `member-${personId}-`;
      const to = `member-${personId}.`;
      const found = await Promise.all(
        programmeIds.map(async (programmeId) => {
          const ids: string[] = [];
          const rows = pairs.listEntities({
            queryOptions: {
              filter: odata`PartitionKey eq ${programmeId} and RowKey ge ${from} and RowKey lt ${to}`,
              select: ['RowKey'],
            },
          });
          for await (const row of rows) ids.push(String(row.rowKey).slice(from.length));
          const read = await Promise.all(ids.map((id) => readPair(programmeId, id)));
          return read.filter((p): p is Versioned<Pair> => p !== undefined);
        }),
      );
      return found.flat();
    },

    async replace(pair, etag) {
      await ensure();
      try {
        const r = await pairs.updateEntity<PairRow>(
          { partitionKey: pair.programmeId, rowKey: pairKey(pair.id), data: JSON.stringify(pair) },
          'Replace',
          { etag },
        );
        return { value: pair, etag: r.etag! };
      } catch (error) {
        if (isStatus(error, 412, 404)) throw new StaleVersionError('The pair');
        throw error;
      }
    },
  };
}
