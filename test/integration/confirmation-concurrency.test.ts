import { QueueClient } from '@azure/storage-queue';
import { expect, it } from 'vitest';
import { pairTable } from '../../functions/src/adapters/tables/pair-table';
import { HR, matchingProgramme, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

const { stack, api } = localStackForFile();

it('200 concurrent confirmations against capacity-1 mentors: capacity never exceeded, no lost update, each answered 2xx or 409 with a code', async () => {
  const people = unrelatedPeople(stack, 300);
  const mentors = people.slice(0, 100).map((p) => p.id);
  const mentees = people.slice(100).map((p) => p.id);
  // Matched at capacity 2, then HR lowers capacity to 1: every mentor has two proposals for one place.
  const { programmeId, matching } = await matchingProgramme(
    stack,
    api,
    { mentors, mentees },
    { run: true, mentorCapacity: 2 },
  );
  expect(matching.proposals).toHaveLength(200);
  const current = await api(HR, 'GET', `/programmes/${programmeId}`);
  const lowered = await api(HR, 'PATCH', `/programmes/${programmeId}`, {
    body: { mentorCapacity: 1 },
    headers: { 'if-match': current.body.etag },
  });
  expect(lowered.status).toBe(200);

  const results = await Promise.all(
    matching.proposals.map((p: { id: string }) =>
      api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
        body: { proposals: [p.id] },
      }),
    ),
  );
  const codes = new Map<string, number>();
  for (const r of results) {
    const key = r.status === 200 ? '200' : `${r.status} ${r.body.code}`;
    codes.set(key, (codes.get(key) ?? 0) + 1);
    expect(r.status === 200 || (r.status === 409 && typeof r.body.code === 'string')).toBe(true);
  }
  const made = results
    .filter((r) => r.status === 200)
    .flatMap((r) => r.body.confirmed as { id: string; mentor: { id: string } }[]);
  // Capacity holds: no mentor has two pairs; and each mentor's place went to one confirmation.
  const perMentor = new Map<string, number>();
  for (const p of made) perMentor.set(p.mentor.id, (perMentor.get(p.mentor.id) ?? 0) + 1);
  expect([...perMentor.values()].every((n) => n === 1)).toBe(true);
  expect(made).toHaveLength(100);
  expect(Object.fromEntries(codes)).toEqual({ '200': 100, '409 mentorFull': 100 });

  // No lost update: what storage holds is exactly what was answered, and booking got each pair.
  const stored = await pairTable({
    kind: 'connectionString',
    connectionString: stack.env.TANDEM_STORAGE_CONNECTION!,
  }).listByProgramme(programmeId);
  expect(stored.map((p) => p.value.id).sort()).toEqual(made.map((p) => p.id).sort());
  const shown = await api(HR, 'GET', `/programmes/${programmeId}/matching`);
  const confirmed = shown.body.proposals.filter(
    (p: { status: string }) => p.status === 'confirmed',
  );
  expect(confirmed).toHaveLength(100);
  const queue = new QueueClient(stack.env.TANDEM_STORAGE_CONNECTION!, 'booking');
  const queued: string[] = [];
  for (;;) {
    const got = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 600 });
    if (got.receivedMessageItems.length === 0) break;
    for (const m of got.receivedMessageItems) {
      queued.push(JSON.parse(Buffer.from(m.messageText, 'base64').toString()).pairId);
    }
  }
  expect(queued.sort()).toEqual(made.map((p) => p.id).sort());
}, 180_000);
