import type { TableClient } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonTable, StoredRowError } from './json-table';

/** Table Storage in memory, as far as reading goes: rows as the service returns them. */
function tableOf(rows: { partitionKey: string; rowKey: string; data: string }[]) {
  const client = {
    tableName: 'people',
    createTable: async () => undefined,
    getEntity: async (partitionKey: string, rowKey: string) => {
      const row = rows.find((r) => r.partitionKey === partitionKey && r.rowKey === rowKey);
      if (!row) throw new Error('not here');
      return { ...row, etag: 'W/"1"' };
    },
    listEntities: () =>
      (async function* () {
        for (const row of rows) yield { ...row, etag: 'W/"1"' };
      })(),
  };
  return client as unknown as TableClient;
}

const person = z.object({ name: z.string(), age: z.number().default(0) });

describe('a JSON table reads every row with its schema', () => {
  const rows = [
    { partitionKey: 'p', rowKey: 'a', data: '{"name":"Ana","age":30}' },
    { partitionKey: 'p', rowKey: 'b', data: '{"name":42}' },
    { partitionKey: 'p', rowKey: 'c', data: '{"name":"Carmen"}' },
    { partitionKey: 'p', rowKey: 'd', data: '{"name":' },
  ];

  it('gives a row written before a field existed that field’s default', async () => {
    const table = new JsonTable(tableOf(rows), 'The person', person);
    expect((await table.get('p', 'c'))?.value).toEqual({ name: 'Carmen', age: 0 });
  });

  it('a point read of a bad row is a StoredRowError naming the table and key', async () => {
    const table = new JsonTable(tableOf(rows), 'The person', person);
    const error = await table.get('p', 'b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredRowError);
    expect(error).toMatchObject({ table: 'people', partitionKey: 'p', rowKey: 'b' });
    expect(String(error)).toMatch(/people, row p\/b .*name/);
    await expect(table.get('p', 'd')).rejects.toThrow(/row p\/d does not read: not JSON/);
  });

  it('a list leaves the bad rows out and logs each with its key; the others are served', async () => {
    const logged: StoredRowError[] = [];
    const table = new JsonTable(tableOf(rows), 'The person', person, (_message, error) =>
      logged.push(error),
    );
    expect((await table.list('p')).map((r) => r.value)).toEqual([
      { name: 'Ana', age: 30 },
      { name: 'Carmen', age: 0 },
    ]);
    expect(logged.map((e) => e.rowKey)).toEqual(['b', 'd']);
  });
});
