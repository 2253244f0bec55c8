import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingTable } from '../../functions/src/adapters/tables/booking-table';
import { StoredRowError, tableClient } from '../../functions/src/adapters/tables/json-table';
import { pairTable } from '../../functions/src/adapters/tables/pair-table';
import { newPair } from '../../functions/src/domain/pair/pair';
import { type LocalStack, startLocalStack } from '../sim/stack';
import { apiAs } from './api-client';
import { createProgramme, HR } from './booking/booking-fixture';

// Stored rows are read with their table's schema (docs/security.md, "Inbound data is parsed"): a
// row that fails it names its table and key, and one bad row never fails a list of the others.

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('a stored row that does not read', () => {
  it('is left out of HR’s booking list, which still shows the other pairs; read alone it is named', async () => {
    const connection = {
      kind: 'connectionString' as const,
      connectionString: stack.env.TANDEM_STORAGE_CONNECTION!,
    };
    const programme = await createProgramme(stack);
    const pairs = pairTable(connection);
    const pair = newPair({
      id: crypto.randomUUID(),
      programme,
      mentor: { id: crypto.randomUUID(), name: 'Ana' },
      mentee: { id: crypto.randomUUID(), name: 'Bea' },
      score: 1000,
      reasons: [],
      proposalId: crypto.randomUUID(),
      confirmedBy: 'hr',
      now: new Date(),
    });
    expect((await pairs.confirm(pair, 1)).ok).toBe(true);

    // A pair and a booking written by hand (or by a version that no longer exists), unreadable.
    const badId = crypto.randomUUID();
    await tableClient(connection, 'pairs').createEntity({
      partitionKey: programme.id,
      rowKey: `pair-${badId}`,
      data: JSON.stringify({ id: badId, status: 'lost' }),
    });
    const bookings = tableClient(connection, 'bookings');
    await bookings.createTable().catch(() => undefined);
    await bookings.createEntity({
      partitionKey: programme.id,
      rowKey: badId,
      data: JSON.stringify({ pairId: badId, status: 'booked' }),
    });
    const index = tableClient(connection, 'bookingindex');
    await index.createTable().catch(() => undefined);
    await index.createEntity({
      partitionKey: badId,
      rowKey: 'booking',
      data: JSON.stringify({ programmeId: programme.id }),
    });

    const listed = await apiAs(stack)(HR, 'GET', `/programmes/${programme.id}/bookings`);
    expect(listed.status).toBe(200);
    expect(listed.body.value.map((b: { pairId: string }) => b.pairId)).toEqual([pair.id]);

    const read = await bookingTable(connection)
      .get(badId)
      .catch((e: unknown) => e);
    expect(read).toBeInstanceOf(StoredRowError);
    expect(read).toMatchObject({ table: 'bookings', partitionKey: programme.id, rowKey: badId });
  });
});
