import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableMailboxGate } from '../../../functions/src/adapters/tables/mailbox-slot-table';
import { type StorageEmulator, startStorageEmulator } from '../../sim/storage/storage-emulator';

let storage: StorageEmulator;
let table: TableClient;

beforeAll(async () => {
  storage = await startStorageEmulator();
  table = TableClient.fromConnectionString(storage.connectionString, 'mailboxslots', {
    allowInsecureConnection: true,
  });
  await table.createTable();
}, 60_000);

afterAll(async () => {
  await storage?.stop();
});

describe('tableMailboxGate (Azurite)', () => {
  it('two gates (two instances) together never hold more than 4 slots of one mailbox', async () => {
    const first = tableMailboxGate(table);
    const second = tableMailboxGate(table);
    let running = 0;
    let peak = 0;
    const work = (i: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return i;
    };
    const done = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? first : second).run('Organiser@contoso.com', work(i)),
      ),
    );
    expect(done).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThan(0);
  }, 60_000);

  it('takes over a slot whose lease ran out (a crashed holder) and frees a slot when work fails', async () => {
    let clock = 1_000_000;
    const crashed = tableMailboxGate(table, { limit: 1, now: () => clock });
    // The holder never finishes: its slot stays taken until the lease runs out.
    void crashed.run('crash@contoso.com', () => new Promise(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 200));
    clock += 31_000;
    const next = tableMailboxGate(table, { limit: 1, now: () => clock });
    await expect(next.run('crash@contoso.com', async () => 'ran')).resolves.toBe('ran');
    await expect(
      next.run('crash@contoso.com', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(next.run('crash@contoso.com', async () => 'again')).resolves.toBe('again');
  }, 60_000);
});
