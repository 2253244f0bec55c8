import { RestError, TableClient, type TableEntityResult } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { AlreadyExistsError, StaleVersionError, type Versioned } from '../../ports/programmes';

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

interface Row {
  partitionKey: string;
  rowKey: string;
  /** The entity as JSON: one property, so its shape can grow without a migration. */
  data: string;
}

/**
 * A table of JSON entities with optimistic concurrency: every replace quotes the ETag it read,
 * and a 412 from the service becomes StaleVersionError — never a lost update.
 */
export class JsonTable<T> {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly client: TableClient,
    private readonly what: string,
  ) {}

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
      const r = await this.client.createEntity<Row>({
        partitionKey,
        rowKey,
        data: JSON.stringify(value),
      });
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
      return { value: JSON.parse(row.data) as T, etag: row.etag };
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
      out.push({ value: JSON.parse(row.data) as T, etag: row.etag });
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
      const r = await this.client.updateEntity<Row>(
        { partitionKey, rowKey, data: JSON.stringify(value) },
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
