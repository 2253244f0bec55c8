import { randomUUID } from 'node:crypto';
import { ManagedIdentityCredential } from '@azure/identity';
import { graphDirectorySource } from './adapters/graph/directory-delta';
import { createGraphClient } from './adapters/graph/graph-client';
import { bookingQueue, type QueueConnection } from './adapters/queues/booking-queue';
import { applicationTable } from './adapters/tables/application-table';
import { directoryTable } from './adapters/tables/directory-table';
import type { TableConnection } from './adapters/tables/json-table';
import { matchingTable } from './adapters/tables/matching-table';
import { pairTable } from './adapters/tables/pair-table';
import { programmeTable } from './adapters/tables/programme-table';
import type { BackendConfig } from './config';
import { createTokenValidator } from './http/auth';
import { createDispatcher, type Dispatcher } from './http/dispatch';
import { routes } from './http/routes';
import { createOrgSync } from './jobs/org-sync';
import { type Clock, systemClock } from './ports/clock';
import type { Services } from './ports/services';

export interface Composition {
  dispatcher: Dispatcher;
  services: Services;
}

/** Azurite's connection string locally; the account URL and the managed identity in Azure. */
function tableConnection(config: BackendConfig): TableConnection {
  if (config.storageConnection) {
    return { kind: 'connectionString', connectionString: config.storageConnection };
  }
  return {
    kind: 'accountUrl',
    url: config.storageAccountUrl!,
    credential: new ManagedIdentityCredential(
      config.managedIdentityClientId ? { clientId: config.managedIdentityClientId } : {},
    ),
  };
}

/** The same storage account's queues: Azurite's connection string, or the queue endpoint in Azure. */
function queueConnection(config: BackendConfig, tables: TableConnection): QueueConnection {
  if (tables.kind === 'connectionString') return tables;
  return {
    kind: 'accountUrl',
    url: config.queueAccountUrl ?? tables.url.replace('.table.', '.queue.'),
    credential: tables.credential,
  };
}

/** The composition root: turns configuration into ports and the request pipeline, for any host. */
export function composeBackend(
  config: BackendConfig,
  options: { clock?: Clock; log?: (message: string, error?: unknown) => void } = {},
): Composition {
  const clock = options.clock ?? systemClock;
  const connection = tableConnection(config);
  const graph = createGraphClient(config);
  const directory = directoryTable(connection);
  const services: Services = {
    clock,
    newId: randomUUID,
    programmes: programmeTable(connection),
    applications: applicationTable(connection),
    directory,
    directorySync: createOrgSync(graphDirectorySource(graph), directory, () => clock.now()),
    matchings: matchingTable(connection),
    pairs: pairTable(connection),
    bookingQueue: bookingQueue(queueConnection(config, connection)),
  };
  const validator = createTokenValidator(config, () => clock.now());
  return { dispatcher: createDispatcher(routes, validator, services, options.log), services };
}
