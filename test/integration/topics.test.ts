import { describe, expect, it } from 'vitest';
import { parseMatchingInstance } from '../../functions/src/domain/matching/instance';
import { runMatching } from '../../functions/src/domain/matching/match';
import { TEMPLATE_TOPICS } from '../../functions/src/domain/topics/template-topics';
import { asPerson, HR, matchingProgramme, menteeForm, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

const { stack, api } = localStackForFile();

describe('a programme’s topic vocabulary over the API (issue #20)', () => {
  it('starts as the template’s, HR edits it quoting the ETag, and a topic in use stays', async () => {
    const draft = await api(HR, 'POST', '/programmes', { body: { kind: 'executive' } });
    const opened = await api(HR, 'PUT', `/programmes/${draft.body.id}/status`, {
      body: { status: 'open' },
      headers: { 'if-match': draft.body.etag },
    });
    const id = opened.body.id as string;
    const first = await api(HR, 'GET', `/programmes/${id}/topics`);
    expect(first.status).toBe(200);
    expect(first.body.topics.map((t: { id: string }) => t.id)).toEqual(
      TEMPLATE_TOPICS.executive.map((t) => t.id),
    );
    expect(first.body.unmapped).toEqual([]);

    // An applicant writes words of her own beside a topic: HR reads them as unmapped.
    const [mentee] = unrelatedPeople(stack, 1);
    const as = asPerson(stack, api);
    const applied = await as(mentee!.id, 'POST', `/programmes/${id}/applications`, {
      body: { ...menteeForm, wants: ['negotiation', 'Cerámica industrial'] },
    });
    expect(applied.status).toBe(201);
    const read = await api(HR, 'GET', `/programmes/${id}/topics`);
    expect(read.body.unmapped).toEqual([{ words: 'Cerámica industrial', applications: 1 }]);
    // Employees read the topics, not what others wrote.
    const asEmployee = await as(mentee!.id, 'GET', `/programmes/${id}/topics`);
    expect(asEmployee.status).toBe(200);
    expect(asEmployee.body.unmapped).toBeUndefined();

    // HR maps the words as another word of a new topic, and renames one.
    const topics = [
      ...read.body.topics.map((t: { id: string; label: object; synonyms: string[] }) =>
        t.id === 'leadership' ? { ...t, label: { es: 'Liderar', en: 'Leading' } } : t,
      ),
      {
        id: 'ceramics',
        label: { es: 'Cerámica', en: 'Ceramics' },
        synonyms: ['cerámica industrial'],
      },
    ];
    const saved = await api(HR, 'PUT', `/programmes/${id}/topics`, {
      body: { topics },
      headers: { 'if-match': read.body.etag },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.unmapped).toEqual([]);
    // The ETag read before is stale now.
    const stale = await api(HR, 'PUT', `/programmes/${id}/topics`, {
      body: { topics },
      headers: { 'if-match': read.body.etag },
    });
    expect(stale.status).toBe(412);
    // Removing a topic an application names is refused, naming it.
    const withoutNegotiation = topics.filter((t: { id: string }) => t.id !== 'negotiation');
    const inUse = await api(HR, 'PUT', `/programmes/${id}/topics`, {
      body: { topics: withoutNegotiation },
      headers: { 'if-match': saved.body.etag },
    });
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({
      code: 'topicInUse',
      topicId: 'negotiation',
      applications: 1,
    });
    // One word naming two topics is refused too.
    const clash = topics.map((t: { id: string; synonyms: string[] }) =>
      t.id === 'decision-making' ? { ...t, synonyms: [...t.synonyms, 'NEGOCIACIÓN'] } : t,
    );
    const twice = await api(HR, 'PUT', `/programmes/${id}/topics`, {
      body: { topics: clash },
      headers: { 'if-match': saved.body.etag },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('termInTwoTopics');
  });

  it('exports a run’s input that `tandem match` replays into the same pairs', async () => {
    const people = unrelatedPeople(stack, 4).map((p) => p.id);
    const { programmeId, matching } = await matchingProgramme(
      stack,
      api,
      { mentors: people.slice(0, 2), mentees: people.slice(2) },
      { run: true, kind: 'executive' },
    );
    const exported = await api(HR, 'GET', `/programmes/${programmeId}/matching/input`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('.json');
    const parsed = parseMatchingInstance(exported.body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.instance.topics?.map((t) => t.id)).toContain('negotiation');
    const replayed = runMatching(parsed.instance);
    const pairs = (list: { mentee: string; mentor: string }[]) =>
      list.map((p) => `${p.mentee}>${p.mentor}`).sort();
    expect(pairs(replayed.pairs)).toEqual(pairs(matching.proposals));
    const csv = await api(HR, 'GET', `/programmes/${programmeId}/matching/input?format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('row,person,name,topics');
    expect(String(csv.body).match(/\r\nmentee,/g)).toHaveLength(2);
  });
});
