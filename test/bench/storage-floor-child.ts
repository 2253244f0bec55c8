import { readFileSync } from 'node:fs';
import { odata, RestError, TableClient, type TableEntityResult } from '@azure/data-tables';
import { memoList } from '../../functions/src/adapters/tables/memo-list';
import { PROGRAMME_LIST_TTL_MS } from '../../functions/src/adapters/tables/programme-table';
import {
  mayHaveApplications,
  mayHavePairs,
  type Programme,
} from '../../functions/src/domain/programme/programme';
import { closedLoop, type Turn } from './closed-loop';
import type { StorageFloorInput } from './load';

/**
 * The storage floor of the home page's routes: a closed-loop client (its own process, like
 * load-child.ts) that sends straight to Table Storage exactly the reads each route needs when
 * nothing is kept in memory, with the SDK the API uses, and no HTTP, token or JSON response in
 * between. Client i is person i and goes through the routes in turn, as in the API run:
 *
 * - `/api/me`: no read (the token says who you are).
 * - `/api/programmes`: the programme partition (one query).
 * - `/api/applications/me`: the programme partition, then side by side one point read of the
 *   person's application per programme that can hold applications, and per programme that can
 *   hold pairs the person's membership rows (one range query) and each pair found (point reads).
 *
 * With `programmeListInMemory`, the programme partition is read as the API now reads it: kept in
 * memory for PROGRAMME_LIST_TTL_MS (adapters/tables/memo-list.ts), so a route sends only the rest —
 * the floor of the reads the API still sends, against which its own cost (HTTP, token, JSON)
 * shows. Output: one JSON line, as load-child.ts.
 */
const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as StorageFloorInput;
const client = (table: string) =>
  TableClient.fromConnectionString(input.connectionString, table, {
    allowInsecureConnection: input.connectionString.includes('http://'),
  });
const programmes = client('programmes');
const applications = client('applications');
const pairs = client('pairs');

/** An entity's JSON, over its parts as adapters/tables/json-table.ts writes them. */
function json(row: Record<string, unknown>): unknown {
  const parts = typeof row.parts === 'number' ? row.parts : 1;
  let text = '';
  for (let i = 0; i < parts; i++) text += String(row[i === 0 ? 'data' : `data${i}`] ?? '');
  return JSON.parse(text);
}

const memo = memoList<Programme>(PROGRAMME_LIST_TTL_MS);
const listProgrammes = async (): Promise<readonly Programme[]> =>
  input.programmeListInMemory ? memo.read(readProgrammes) : readProgrammes();

async function readProgrammes(): Promise<Programme[]> {
  const out: Programme[] = [];
  const rows = programmes.listEntities({ queryOptions: { filter: "PartitionKey eq 'programme'" } });
  for await (const row of rows as AsyncIterable<TableEntityResult<Record<string, unknown>>>) {
    out.push(json(row) as Programme);
  }
  return out;
}

async function pointRead(table: TableClient, partition: string, row: string) {
  try {
    return json(await table.getEntity(partition, row));
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return undefined;
    throw error;
  }
}

async function memberPairs(personId: string, programmeId: string) {
  const from = `member-${personId}-`;
  const to = `member-${personId}.`;
  const ids: string[] = [];
  const rows = pairs.listEntities({
    queryOptions: {
      filter: odata`PartitionKey eq ${programmeId} and RowKey ge ${from} and RowKey lt ${to}`,
      select: ['RowKey'],
    },
  });
  for await (const row of rows) ids.push(String(row.rowKey).slice(from.length));
  return Promise.all(ids.map((id) => pointRead(pairs, programmeId, `pair-${id}`)));
}

const reads: Record<string, (personId: string) => Promise<unknown>> = {
  '/api/me': async () => undefined,
  '/api/programmes': listProgrammes,
  '/api/applications/me': async (personId) => {
    const all = await listProgrammes();
    return Promise.all([
      ...all.filter(mayHaveApplications).map((p) => pointRead(applications, p.id, personId)),
      ...all.filter(mayHavePairs).map((p) => memberPairs(personId, p.id)),
    ]);
  },
};
for (const route of input.routes) {
  if (!reads[route]) throw new Error(`No storage floor for ${route}`);
}

async function once(clientIndex: number, turn: number): Promise<Turn> {
  const personId = input.personIds[clientIndex % input.personIds.length]!;
  const read = reads[input.routes[turn % input.routes.length]!]!;
  const started = performance.now();
  try {
    await read(personId);
    return { status: 'ok', ms: performance.now() - started };
  } catch {
    return { status: 'failed', ms: performance.now() - started };
  }
}

const phase = (durationMs: number) => closedLoop(input.concurrency, durationMs, once);

await phase(input.warmupMs ?? 500);
process.stdout.write(`${JSON.stringify(await phase(input.durationMs))}\n`);
