import {
  odata,
  RestError,
  type TableClient,
  type TableEntityResult,
  type TransactionAction,
} from '@azure/data-tables';
import type {
  DirectoryChange,
  DirectoryPerson,
  DirectorySnapshot,
  DirectoryState,
} from '../../ports/directory';
import { type TableConnection, tableClient } from './json-table';

const PEOPLE = 'person';
const STATE = 'state';
/** Table Storage's limit on one entity group transaction. */
const TRANSACTION_LIMIT = 100;

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

/** Table Storage has no null: an empty string stands for "none", read back as null. */
function toRow(id: string, fields: Partial<Omit<DirectoryPerson, 'id'>>): Row {
  const row: Row = { partitionKey: PEOPLE, rowKey: id };
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

function actionOf(id: string, folded: Folded): TransactionAction {
  if (folded.op === 'delete') return ['delete', { partitionKey: PEOPLE, rowKey: id }];
  return ['upsert', toRow(id, folded.fields), folded.op === 'merge' ? 'Merge' : 'Replace'];
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

  async function rowKeys(): Promise<string[]> {
    const keys: string[] = [];
    const rows = client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${PEOPLE}`, select: ['RowKey'] },
    });
    for await (const row of rows) keys.push(String(row.rowKey));
    return keys;
  }

  return {
    async all() {
      await ensure();
      const people: DirectoryPerson[] = [];
      const rows = client.listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${PEOPLE}` },
      });
      for await (const row of rows as AsyncIterable<TableEntityResult<Record<string, unknown>>>) {
        people.push(fromRow(row));
      }
      return people;
    },

    async get(id) {
      await ensure();
      try {
        return fromRow(await client.getEntity(PEOPLE, id));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async apply(changes) {
      await ensure();
      const actions = [...fold(changes)].map(([id, folded]) => actionOf(id, folded));
      for (let i = 0; i < actions.length; i += TRANSACTION_LIMIT) {
        await submit(actions.slice(i, i + TRANSACTION_LIMIT));
      }
    },

    async state(): Promise<DirectoryState> {
      await ensure();
      let deltaLink: string | null = null;
      let syncedAt: string | null = null;
      let people = 0;
      try {
        const row = await client.getEntity<{ deltaLink: string; syncedAt: string; people: number }>(
          STATE,
          'sync',
        );
        deltaLink = row.deltaLink || null;
        syncedAt = row.syncedAt || null;
        people = row.people ?? 0;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      return { deltaLink, syncedAt, people };
    },

    async completeRound(deltaLink, syncedAt) {
      await ensure();
      const people = (await rowKeys()).length;
      await client.upsertEntity(
        { partitionKey: STATE, rowKey: 'sync', deltaLink, syncedAt, people },
        'Replace',
      );
    },

    async clear() {
      await ensure();
      const keys = await rowKeys();
      for (let i = 0; i < keys.length; i += TRANSACTION_LIMIT) {
        await submit(
          keys
            .slice(i, i + TRANSACTION_LIMIT)
            .map((rowKey): TransactionAction => ['delete', { partitionKey: PEOPLE, rowKey }]),
        );
      }
      try {
        await client.deleteEntity(STATE, 'sync');
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
