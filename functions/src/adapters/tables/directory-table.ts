import {
  odata,
  RestError,
  type TableClient,
  type TableEntityResult,
  type TransactionAction,
} from '@azure/data-tables';
import { z } from 'zod';
import type {
  DirectoryChange,
  DirectoryPerson,
  DirectorySnapshot,
  DirectoryState,
  RoundPosition,
} from '../../ports/directory';
import { type TableConnection, tableClient } from './json-table';

const STATE = 'state';
/** Table Storage's limit on one entity group transaction. */
const TRANSACTION_LIMIT = 100;
/** Requests to the table in flight at once (transactions while writing, partition queries while reading). */
const PARALLEL_REQUESTS = 8;
/**
 * People are spread over 64 partitions by a hash of their id: a partition's throughput is capped
 * (in Azure, about 2,000 entities/s), and lookups inside a huge partition are slow in Azurite.
 * Transactions stay within one partition, so a page's changes are grouped by partition.
 */
const PARTITIONS = 64;

export function partitionOf(id: string): string {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return `p${((h >>> 0) % PARTITIONS).toString(16).padStart(2, '0')}`;
}

const TEXT_FIELDS = [
  'displayName',
  'mail',
  'userPrincipalName',
  'managerId',
  'department',
  'jobTitle',
  'officeLocation',
  'preferredLanguage',
] as const;

type Row = { partitionKey: string; rowKey: string } & Record<string, string | boolean>;

/** The column that marks the full round which last listed a person (RoundPosition.round). */
const ROUND = 'listedInRound';

/** An interrupted round's position, as kept on the state row (JSON, read back through zod). */
const positionSchema = z.object({
  nextLink: z.string().min(1),
  full: z.boolean(),
  round: z.string(),
  pages: z.number().int().nonnegative(),
  changes: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  people: z.number().int(),
});

function readPosition(text: unknown): RoundPosition | null {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const parsed = positionSchema.safeParse(JSON.parse(text));
    // A position we cannot read is forgotten: the round starts again, which is always safe.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Table Storage has no null: an empty string stands for "none", read back as null. */
function toRow(id: string, fields: Partial<Omit<DirectoryPerson, 'id'>>, round?: string): Row {
  const row: Row = { partitionKey: partitionOf(id), rowKey: id };
  if (round !== undefined) row[ROUND] = round;
  for (const key of TEXT_FIELDS) {
    const value = fields[key];
    if (value !== undefined) row[key] = value ?? '';
  }
  if (fields.accountEnabled !== undefined) row.accountEnabled = fields.accountEnabled;
  return row;
}

function fromRow(row: Record<string, unknown>): DirectoryPerson {
  const text = (key: string) => {
    const value = row[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return {
    id: String(row.rowKey),
    displayName: text('displayName') ?? '',
    mail: text('mail'),
    userPrincipalName: text('userPrincipalName'),
    managerId: text('managerId'),
    department: text('department'),
    jobTitle: text('jobTitle'),
    officeLocation: text('officeLocation'),
    preferredLanguage: text('preferredLanguage'),
    // A person Graph never said was disabled is treated as enabled (Graph's default).
    accountEnabled: row.accountEnabled !== false,
  };
}

type Folded =
  | { op: 'merge'; fields: Partial<Omit<DirectoryPerson, 'id'>> }
  | { op: 'replace'; fields: Partial<Omit<DirectoryPerson, 'id'>> }
  | { op: 'delete' };

/**
 * One action per person per page, in order: a transaction may not touch a row twice, and a
 * removal followed by a re-appearance must not keep the removed person's old fields.
 */
function fold(changes: readonly DirectoryChange[]): Map<string, Folded> {
  const out = new Map<string, Folded>();
  for (const change of changes) {
    const before = out.get(change.id);
    if (change.kind === 'remove') out.set(change.id, { op: 'delete' });
    else if (before?.op === 'delete') out.set(change.id, { op: 'replace', fields: change.fields });
    else if (before)
      out.set(change.id, { op: before.op, fields: { ...before.fields, ...change.fields } });
    else out.set(change.id, { op: 'merge', fields: change.fields });
  }
  return out;
}

function actionOf(id: string, folded: Folded, round?: string): TransactionAction {
  if (folded.op === 'delete') return ['delete', { partitionKey: partitionOf(id), rowKey: id }];
  return ['upsert', toRow(id, folded.fields, round), folded.op === 'merge' ? 'Merge' : 'Replace'];
}

function isNotFound(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 404;
}

/**
 * The directory snapshot in Table Storage: one partition of people, one field per property so a
 * delta entry merges into the row without a read, written in 100-row transactions.
 */
export function directoryTable(connection: TableConnection, name = 'directory'): DirectorySnapshot {
  const client: TableClient = tableClient(connection, name);
  let ready: Promise<unknown> | undefined;
  const ensure = () => {
    ready ??= client.createTable().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  async function submit(actions: TransactionAction[]): Promise<void> {
    try {
      await client.submitTransaction(actions);
    } catch (error) {
      // A removal of someone never stored (a replayed delta page) fails the whole group with 404;
      // apply the group one by one instead, where such a removal is simply already done.
      if (!isNotFound(error) && !(error instanceof RestError && error.statusCode === 400))
        throw error;
      for (const action of actions) {
        try {
          await client.submitTransaction([action]);
        } catch (single) {
          if (!(isNotFound(single) && action[0] === 'delete')) throw single;
        }
      }
    }
  }

  /**
   * Reads every person row, one partition query per partition, a few at a time: queries that name
   * their partition stay cheap (in Azure and in Azurite), where a scan across partitions does not.
   */
  async function eachRow(
    select: string[] | undefined,
    visit: (row: Record<string, unknown>) => void,
  ): Promise<void> {
    const partitions = Array.from(
      { length: PARTITIONS },
      (_, i) => `p${i.toString(16).padStart(2, '0')}`,
    );
    let next = 0;
    const worker = async () => {
      while (next < partitions.length) {
        const partition = partitions[next++]!;
        const rows = client.listEntities({
          queryOptions: {
            filter: odata`PartitionKey eq ${partition}`,
            ...(select ? { select } : {}),
          },
        });
        for await (const row of rows as AsyncIterable<TableEntityResult<Record<string, unknown>>>) {
          visit(row);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
  }

  async function rowKeys(): Promise<string[]> {
    const keys: string[] = [];
    await eachRow(['RowKey'], (row) => keys.push(String(row.rowKey)));
    return keys;
  }

  /** Groups actions by partition, ≤ 100 per transaction, and runs a few transactions at once. */
  async function write(actions: TransactionAction[]): Promise<void> {
    const groups = new Map<string, TransactionAction[]>();
    for (const action of actions) {
      const key = action[1].partitionKey as string;
      const group = groups.get(key) ?? [];
      group.push(action);
      groups.set(key, group);
    }
    const batches: TransactionAction[][] = [];
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += TRANSACTION_LIMIT) {
        batches.push(group.slice(i, i + TRANSACTION_LIMIT));
      }
    }
    let next = 0;
    const worker = async () => {
      while (next < batches.length) await submit(batches[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_REQUESTS, batches.length) }, worker));
  }

  return {
    async all() {
      await ensure();
      const people: DirectoryPerson[] = [];
      await eachRow(undefined, (row) => people.push(fromRow(row)));
      // A stable order whatever order the partitions answered in.
      return people.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async get(id) {
      await ensure();
      try {
        return fromRow(await client.getEntity(partitionOf(id), id));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async apply(changes, listedInRound) {
      await ensure();
      await write([...fold(changes)].map(([id, folded]) => actionOf(id, folded, listedInRound)));
    },

    async state(): Promise<DirectoryState> {
      await ensure();
      let deltaLink: string | null = null;
      let syncedAt: string | null = null;
      let people = 0;
      let position: RoundPosition | null = null;
      try {
        const row = await client.getEntity<{
          deltaLink?: string;
          syncedAt?: string;
          people?: number;
          position?: string;
        }>(STATE, 'sync');
        deltaLink = row.deltaLink || null;
        syncedAt = row.syncedAt || null;
        people = row.people ?? 0;
        position = readPosition(row.position);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      return { deltaLink, syncedAt, people, position };
    },

    async census(round) {
      await ensure();
      let listed = 0;
      const unlisted: string[] = [];
      await eachRow(['RowKey', ROUND], (row) => {
        if (row[ROUND] === round) listed++;
        else unlisted.push(String(row.rowKey));
      });
      return { listed, unlisted };
    },

    async savePosition(position) {
      await ensure();
      // Merge: the last completed round's delta link stays beside the position.
      await client.upsertEntity(
        { partitionKey: STATE, rowKey: 'sync', position: position ? JSON.stringify(position) : '' },
        'Merge',
      );
    },

    async existing(ids) {
      await ensure();
      const found = new Set<string>();
      const unique = [...new Set(ids)];
      let next = 0;
      const worker = async () => {
        while (next < unique.length) {
          const id = unique[next++]!;
          try {
            await client.getEntity(partitionOf(id), id, { queryOptions: { select: ['RowKey'] } });
            found.add(id);
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
      return found;
    },

    async completeRound(deltaLink, syncedAt, people) {
      await ensure();
      await client.upsertEntity(
        { partitionKey: STATE, rowKey: 'sync', deltaLink, syncedAt, people },
        'Replace',
      );
    },

    async clear() {
      await ensure();
      await write(
        (await rowKeys()).map(
          (rowKey): TransactionAction => ['delete', { partitionKey: partitionOf(rowKey), rowKey }],
        ),
      );
      try {
        await client.deleteEntity(STATE, 'sync');
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
