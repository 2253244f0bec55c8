import { RestError, TableClient, type TableEntityResult } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import type { z } from 'zod';
import {
  AlreadyExistsError,
  StaleVersionError,
  TooLargeToStoreError,
  type Versioned,
} from '../../ports/versioned';

/** How to reach Table Storage: a connection string (Azurite) or an account URL + credential. */
export type TableConnection =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'accountUrl'; url: string; credential: TokenCredential };

export function tableClient(connection: TableConnection, table: string): TableClient {
  if (connection.kind === 'connectionString') {
    return TableClient.fromConnectionString(connection.connectionString, table, {
      allowInsecureConnection: connection.connectionString.includes('http://'),
    });
  }
  return new TableClient(connection.url, table, connection.credential);
}

/**
 * Table Storage holds at most 64 KiB in a string property (32K UTF-16 units) and 1 MiB in an
 * entity (https://learn.microsoft.com/en-us/rest/api/storageservices/understanding-the-table-service-data-model).
 * An entity's JSON goes in `data`; a longer one is split over `data`, `data1`, `data2`… of the
 * same entity (`parts` says how many), so it stays one row with one ETag and one atomic replace.
 * 16 parts of 30,000 units are 960,000 bytes: with the keys and property names, under 1 MiB.
 */
const PART = 30_000;
const MAX_PARTS = 16;
/** The longest JSON one entity holds; the contracts' largest bodies stay below it (docs/security.md). */
export const MAX_ENTITY_JSON = PART * MAX_PARTS;

type Row = { partitionKey: string; rowKey: string; data: string; parts?: number } & Record<
  string,
  unknown
>;

const partName = (i: number) => (i === 0 ? 'data' : `data${i}`);

/** The entity's row; TooLargeToStoreError naming its largest field when it could never fit. */
function toRow(what: string, partitionKey: string, rowKey: string, value: unknown): Row {
  // Stored as ASCII (`é` as `\u00e9`, still JSON): Azurite garbles multi-byte characters in large
  // entities (a 100,000-character string of `é` came back with U+FFFD in it), and a part boundary
  // then never falls inside a surrogate pair either.
  const json = JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (json.length > MAX_ENTITY_JSON) throw new TooLargeToStoreError(what, largestField(value));
  const row: Row = { partitionKey, rowKey, data: '' };
  const parts = Math.max(1, Math.ceil(json.length / PART));
  for (let i = 0; i < parts; i++) row[partName(i)] = json.slice(i * PART, (i + 1) * PART);
  if (parts > 1) row.parts = parts;
  return row;
}

/**
 * A stored row that does not read as its table's schema says (hand-edited, written by a newer
 * version, or cut short). It names the table and the key, so the row can be found and mended.
 */
export class StoredRowError extends Error {
  constructor(
    readonly table: string,
    readonly partitionKey: string,
    readonly rowKey: string,
    detail: string,
  ) {
    super(`Table ${table}, row ${partitionKey}/${rowKey} does not read: ${detail}`);
    this.name = 'StoredRowError';
  }
}

/** Rows written before parts existed have `data` alone. */
function rowJson(row: Record<string, unknown>): string {
  const parts = typeof row.parts === 'number' ? row.parts : 1;
  let json = '';
  for (let i = 0; i < parts; i++) json += String(row[partName(i)] ?? '');
  return json;
}

function largestField(value: unknown): string {
  if (!value || typeof value !== 'object') return 'value';
  let largest = 'value';
  let size = -1;
  for (const [key, field] of Object.entries(value)) {
    const length = JSON.stringify(field)?.length ?? 0;
    if (length > size) [largest, size] = [key, length];
  }
  return largest;
}

/** One stored JSON value read with its schema, or a StoredRowError naming the table and key. */
export function parseStored<T>(
  table: string,
  partitionKey: string,
  rowKey: string,
  json: string,
  schema: z.ZodType<T>,
): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoredRowError(table, partitionKey, rowKey, 'not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`);
    throw new StoredRowError(table, partitionKey, rowKey, issues.join('; '));
  }
  return parsed.data;
}

/** Where a table reports a row it skipped; the process's error log unless told otherwise. */
export type RowLog = (message: string, error: StoredRowError) => void;
export const errorLog: RowLog = (message, error) => console.error(message, error);

/**
 * A table of JSON entities with optimistic concurrency: every replace quotes the ETag it read,
 * and a 412 from the service becomes StaleVersionError — never a lost update.
 *
 * Every row read is parsed with the table's schema, never cast: the schema is each adapter's
 * migration point (defaults for fields added later). A row that fails it is a StoredRowError
 * naming the table and key: thrown by `get` (the request asked for that row), and left out of a
 * `list` with the error logged, so one bad row never fails a request about the others.
 */
export class JsonTable<T> {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly client: TableClient,
    private readonly what: string,
    private readonly schema: z.ZodType<T>,
    private readonly log: RowLog = errorLog,
  ) {}

  private read(row: Record<string, unknown> & { partitionKey?: string; rowKey?: string }): T {
    return parseStored(
      this.client.tableName,
      String(row.partitionKey ?? ''),
      String(row.rowKey ?? ''),
      rowJson(row),
      this.schema,
    );
  }

  private ensure(): Promise<unknown> {
    this.ready ??= this.client.createTable().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async create(partitionKey: string, rowKey: string, value: T): Promise<Versioned<T>> {
    await this.ensure();
    try {
      const r = await this.client.createEntity<Row>(toRow(this.what, partitionKey, rowKey, value));
      return { value, etag: r.etag! };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 409)
        throw new AlreadyExistsError(this.what);
      throw error;
    }
  }

  async get(partitionKey: string, rowKey: string): Promise<Versioned<T> | undefined> {
    await this.ensure();
    try {
      const row = await this.client.getEntity<Row>(partitionKey, rowKey);
      return { value: this.read(row), etag: row.etag };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
  }

  async list(partitionKey: string): Promise<Versioned<T>[]> {
    return this.query(`PartitionKey eq '${partitionKey.replace(/'/g, "''")}'`);
  }

  private async query(filter: string): Promise<Versioned<T>[]> {
    await this.ensure();
    const out: Versioned<T>[] = [];
    const rows = this.client.listEntities<Row>({ queryOptions: { filter } });
    for await (const row of rows as AsyncIterable<TableEntityResult<Row>>) {
      try {
        out.push({ value: this.read(row), etag: row.etag });
      } catch (error) {
        if (!(error instanceof StoredRowError)) throw error;
        this.log(`A stored row was left out of a list of ${this.client.tableName}`, error);
      }
    }
    return out;
  }

  /** Deletes only if still at `etag`; a stale or vanished entity is StaleVersionError. */
  async delete(partitionKey: string, rowKey: string, etag: string): Promise<void> {
    await this.ensure();
    try {
      await this.client.deleteEntity(partitionKey, rowKey, { etag });
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404)) {
        throw new StaleVersionError(this.what);
      }
      throw error;
    }
  }

  async replace(
    partitionKey: string,
    rowKey: string,
    value: T,
    etag: string,
  ): Promise<Versioned<T>> {
    await this.ensure();
    try {
      // Replace, not merge: a shorter entity must not keep the longer one's last parts.
      const r = await this.client.updateEntity<Row>(
        toRow(this.what, partitionKey, rowKey, value),
        'Replace',
        { etag },
      );
      return { value, etag: r.etag! };
    } catch (error) {
      // Azurite and Azure answer 412 (UpdateConditionNotSatisfied) for a stale ETag, 404 if gone.
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 404)) {
        throw new StaleVersionError(this.what);
      }
      throw error;
    }
  }
}
