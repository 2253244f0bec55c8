import { describe, expect, it } from 'vitest';
import {
  memoryDirectory,
  memoryMatchings,
  memoryPairs,
  person,
  versionedMap,
} from '../../../../test/fixtures/in-memory-ports';
import type { Application, ApplicationForm } from '../../domain/application/application';
import type { Matching } from '../../domain/matching-run/matching-run';
import { createProgramme, type Programme } from '../../domain/programme/programme';
import type { ApplicationStore } from '../../ports/applications';
import { StaleVersionError } from '../../ports/versioned';
import { editApplication, withdrawApplication } from './change-application';
import { decideApplication, decideApplications } from './decide-application';
import { submitApplication } from './submit-application';
import { addToWaitingList } from './waiting-list';

const now = new Date('2027-02-01T10:00:00Z');
const HR = { id: 'hr', name: 'Lucía Fernández' };
const open = (extra: Partial<Programme> = {}): Programme => ({
  ...createProgramme('prog', 'classic', { name: 'Mentoring 2027' }, 'hr', now),
  status: 'open',
  ...extra,
});
const form = (role: 'mentee' | 'mentor'): ApplicationForm => ({
  role,
  why: 'Quiero crecer',
  wants: role === 'mentee' ? ['negociación'] : [],
  offers: role === 'mentor' ? ['negociación'] : [],
  languages: ['es'],
  availability: { days: ['tuesday'], partsOfDay: ['morning'], notes: '' },
  answers: ['Dos años en ventas'],
  consent: true,
});

/** The application store's contract in memory: one per person and programme, ETags, 412s. */
function memoryApplicationStore() {
  const map = versionedMap<Application>('The application');
  const key = (programmeId: string, personId: string) => `${programmeId}/${personId}`;
  const store: Pick<ApplicationStore, 'get' | 'create' | 'replace'> = {
    get: (p, id) => map.get(key(p, id)),
    create: (a) => map.create(key(a.programmeId, a.personId), a),
    replace: (a, etag) => map.replace(key(a.programmeId, a.personId), a, etag),
  };
  return store;
}

function world(programme = open(), people = [person('ana', null), person('bo', null)]) {
  const org = memoryDirectory(people);
  const deps = {
    applications: memoryApplicationStore(),
    directory: org.directory,
    clock: { now: () => now },
  };
  const apply = async (id: string, role: 'mentee' | 'mentor') => {
    const r = await submitApplication(deps, {
      programme,
      applicant: { id, name: id.toUpperCase() },
      form: form(role),
    });
    if (!r.ok) throw new Error(r.reason.code);
    return r.value;
  };
  return { programme, deps, apply };
}

describe('applying (use case)', () => {
  it('stores one application per person and programme', async () => {
    const { programme, deps, apply } = world();
    await apply('ana', 'mentee');
    const again = await submitApplication(deps, {
      programme,
      applicant: { id: 'ana', name: 'ANA' },
      form: form('mentee'),
    });
    expect(again).toEqual({ ok: false, reason: { code: 'alreadyApplied' } });
  });

  it('reads the department from the directory snapshot, never the form', async () => {
    const programme = open({ eligibility: { kind: 'departments', departments: ['Legal'] } });
    const { deps } = world(programme, [person('ana', null, { department: 'Ventas' })]);
    const r = await submitApplication(deps, {
      programme,
      applicant: { id: 'ana', name: 'ANA' },
      form: form('mentee'),
    });
    expect(r).toEqual({ ok: false, reason: { code: 'notEligible' } });
  });

  it('edits against the ETag read; a stale one is refused by the store', async () => {
    const { programme, deps, apply } = world();
    const first = await apply('ana', 'mentee');
    const edited = await editApplication(deps, {
      programme,
      personId: 'ana',
      etag: first.etag,
      form: { ...form('mentee'), why: 'Otro motivo' },
    });
    expect(edited.ok && edited.value.value.why).toBe('Otro motivo');
    await expect(
      withdrawApplication(deps, { programme, personId: 'ana', etag: first.etag }),
    ).rejects.toBeInstanceOf(StaleVersionError);
  });

  it('says when there is no application to change', async () => {
    const { programme, deps } = world();
    expect(await withdrawApplication(deps, { programme, personId: 'ana', etag: '*' })).toEqual({
      ok: false,
      reason: { code: 'noApplication' },
    });
  });
});

describe('HR’s decisions (use case, PRODUCT rule 2)', () => {
  it('records who approved, when, and the note', async () => {
    const { programme, deps, apply } = world();
    const mentor = await apply('bo', 'mentor');
    const r = await decideApplication(deps, {
      programme,
      personId: 'bo',
      by: HR,
      decision: { kind: 'approve', note: 'Diez años liderando equipos' },
      etag: mentor.etag,
    });
    if (!r.ok) throw new Error(r.reason.code);
    expect(r.value.value.status).toBe('approved');
    expect(r.value.value.decision).toEqual({
      by: HR,
      at: now.toISOString(),
      note: 'Diez años liderando equipos',
    });
  });

  it('a rejection’s note is its reason; editing the form clears the decision', async () => {
    const { programme, deps, apply } = world();
    const mentor = await apply('bo', 'mentor');
    const r = await decideApplication(deps, {
      programme,
      personId: 'bo',
      by: HR,
      decision: { kind: 'approve' },
      etag: mentor.etag,
    });
    if (!r.ok) throw new Error(r.reason.code);
    expect(r.value.value.decision?.note).toBeUndefined();
    const edited = await editApplication(deps, {
      programme,
      personId: 'bo',
      etag: r.value.etag,
      form: form('mentor'),
    });
    if (!edited.ok) throw new Error(edited.reason.code);
    expect(edited.value.value.status).toBe('submitted');
    expect(edited.value.value.decision).toBeUndefined();
    const rejected = await decideApplication(deps, {
      programme,
      personId: 'bo',
      by: HR,
      decision: { kind: 'reject', reason: 'Plazas completas' },
      etag: edited.value.etag,
    });
    if (!rejected.ok) throw new Error(rejected.reason.code);
    expect(rejected.value.value.rejectionReason).toBe('Plazas completas');
    expect(rejected.value.value.decision?.note).toBe('Plazas completas');
  });

  it('in bulk, decides each it can and says why for the rest', async () => {
    const { programme, deps, apply } = world();
    await apply('ana', 'mentee');
    await apply('bo', 'mentor');
    const r = await decideApplications(deps, {
      programme,
      personIds: ['bo', 'ana', 'nobody', 'bo'],
      by: HR,
      decision: { kind: 'approve', note: 'Buen perfil' },
    });
    expect(r.decided.map((a) => [a.value.personId, a.value.status])).toEqual([['bo', 'approved']]);
    expect(r.undecided).toEqual([
      { personId: 'ana', code: 'onlyMentorsNeedApproval' },
      { personId: 'nobody', code: 'noApplication' },
    ]);
    const rejected = await decideApplications(deps, {
      programme,
      personIds: ['ana', 'bo'],
      by: HR,
      decision: { kind: 'reject', reason: 'Plazas completas' },
    });
    expect(rejected.decided.map((a) => a.value.status)).toEqual(['rejected', 'rejected']);
    expect(rejected.undecided).toEqual([]);
  });

  it('in bulk, reports an application changed meanwhile instead of overwriting it', async () => {
    const { programme, deps, apply } = world();
    await apply('bo', 'mentor');
    const racing = {
      ...deps,
      applications: {
        ...deps.applications,
        replace: async () => {
          throw new StaleVersionError('The application');
        },
      },
    };
    const r = await decideApplications(racing, {
      programme,
      personIds: ['bo'],
      by: HR,
      decision: { kind: 'approve' },
    });
    expect(r).toEqual({ decided: [], undecided: [{ personId: 'bo', code: 'changedMeanwhile' }] });
  });
});

describe('the waiting list (use case, PRODUCT rule 4)', () => {
  const matching = (unmatched: Matching['unmatched']): Matching => ({
    programmeId: 'prog',
    run: 1,
    ranAt: now.toISOString(),
    ranBy: 'hr',
    objective: 'maxParticipation',
    proposals: [],
    unmatched,
    refusedLocks: [],
    excluded: [],
    updatedAt: now.toISOString(),
  });
  const leftOut = (personId: string) => ({
    personId,
    name: personId,
    role: 'mentee' as const,
    reason: { code: 'noMentorLeft', text: 'no mentor left' },
  });

  async function setup(keepsWaitingList: boolean) {
    const { deps, apply } = world(open());
    await apply('ana', 'mentee');
    await apply('bo', 'mentee');
    const matchings = memoryMatchings();
    await matchings.create(matching([leftOut('ana')]));
    const programme = open({ status: 'matching', keepsWaitingList });
    return { programme, deps: { ...deps, matchings, pairs: memoryPairs() } };
  }

  it('keeps a left-out mentee, with since when', async () => {
    const { programme, deps } = await setup(true);
    const r = await addToWaitingList(deps, { programme, personId: 'ana' });
    expect(r.ok && r.value.value.waitingListSince).toBe(now.toISOString());
  });

  it('refuses a mentee the matching did not leave out, and a programme with no list', async () => {
    const keeping = await setup(true);
    expect(await addToWaitingList(keeping.deps, { ...keeping, personId: 'bo' })).toEqual({
      ok: false,
      reason: { code: 'notLeftOut' },
    });
    const none = await setup(false);
    expect(await addToWaitingList(none.deps, { ...none, personId: 'ana' })).toEqual({
      ok: false,
      reason: { code: 'noWaitingList' },
    });
  });
});
