import { describe, expect, it } from 'vitest';
import { processMailboxGate } from './process-mailbox-gate';

describe('processMailboxGate', () => {
  it('keeps at most 4 calls in flight per mailbox and completes every call', async () => {
    const gate = processMailboxGate();
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gate.run(i % 2 ? 'Org@Contoso.com' : 'org@contoso.com', async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setImmediate(resolve));
          running--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(4);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('lets different mailboxes run side by side and frees a slot when work fails', async () => {
    const gate = processMailboxGate(1);
    let running = 0;
    let peak = 0;
    const work = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
    };
    await expect(
      gate.run('a@contoso.com', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await Promise.all([gate.run('a@contoso.com', work), gate.run('b@contoso.com', work)]);
    expect(peak).toBe(2);
  });
});
