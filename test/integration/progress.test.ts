import { describe, expect, it } from 'vitest';
import { cells } from '../fixtures/csv-cells';
import { fortnightly, writeBookedSeries } from './booking/booked-series';
import { HR, matchingProgramme, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

const ADVISOR = 'Elena Rivas';

const { stack, api, as } = localStackForFile();

/** Ten sessions a fortnight apart, the first `daysAgo` days ago. */
const series = (daysAgo: number) => fortnightly(Date.now() - daysAgo * 24 * 3_600_000);

/** A CSV file's lines (fetch's text() has already dropped the byte order mark). */
function csvLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n$/, '')
    .split('\r\n');
}

/** A CSV table as header → value, one object a row. */
function records(text: string, separator: ',' | ';'): Record<string, string>[] {
  const [header, ...rows] = csvLines(text).map((l) => cells(l, separator));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** A running programme with `count` pairs, each booked as booking would leave it. */
async function runningProgramme(count: number) {
  const people = unrelatedPeople(stack, count * 2).map((p) => p.id);
  const mentors = people.slice(0, count);
  const mentees = people.slice(count);
  const { programmeId } = await matchingProgramme(stack, api, { mentors, mentees }, { run: true });
  const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
    body: { proposals: 'all' },
  });
  const pairs = confirmed.body.confirmed as {
    id: string;
    mentor: { id: string };
    mentee: { id: string };
  }[];
  return { programmeId, pairs };
}

describe('programme progress (PRODUCT rule 8)', () => {
  it('HR sees held vs planned, answers, goals, feedback and the pairs at risk; the advisor the programme level', async () => {
    const { programmeId, pairs } = await runningProgramme(2);
    const [good, silent] = pairs as [(typeof pairs)[0], (typeof pairs)[0]];
    await writeBookedSeries(stack, { id: good.id, programmeId }, series(20), {
      responses: { mentor: 'accepted', mentee: 'accepted', checkedAt: null },
    });
    await writeBookedSeries(stack, { id: silent.id, programmeId }, series(20), {
      responses: { mentor: 'accepted', mentee: 'declined', checkedAt: null },
    });
    const goal = await as(good.mentee.id, 'POST', `/pairs/${good.id}/goals`, {
      body: { horizon: 'short', title: 'Hablar en público', progress: 40 },
    });
    expect(goal.status).toBe(201);
    for (const index of [0, 1]) {
      const r = await as(good.mentor.id, 'PUT', `/pairs/${good.id}/sessions/${index}/feedback`, {
        body: { rating: 5, useful: true },
      });
      expect(r.status).toBe(201);
    }

    const hr = await api(HR, 'GET', `/programmes/${programmeId}/progress`);
    expect(hr.status).toBe(200);
    expect(hr.body).toMatchObject({
      programmeId,
      status: 'running',
      pairs: { total: 2, byStatus: { booked: 2 } },
      // 20 days ago and 6 days ago have started: 2 of 10 each.
      sessions: { planned: 20, held: 4 },
      invitations: { accepted: 3, declined: 1 },
      goals: { total: 1, progressed: 1, averageProgress: 40, pairsWithGoals: 1 },
      feedback: { given: 2, expected: 8, averageRating: 5, usefulShare: 1 },
      atRisk: { pairs: 1, byReason: { declined: 1, noFeedback: 1, noGoals: 1 } },
    });
    const silentRow = hr.body.pairs.list.find((p: { pairId: string }) => p.pairId === silent.id);
    expect(silentRow.risks).toEqual(['declined', 'noFeedback', 'noGoals']);

    const advisor = await api(ADVISOR, 'GET', `/programmes/${programmeId}/progress`);
    expect(advisor.status).toBe(200);
    expect(advisor.body.pairs).toEqual({ total: 2, byStatus: { booked: 2 } });
    expect(advisor.body.atRisk).toEqual(hr.body.atRisk);
    expect(JSON.stringify(advisor.body)).not.toContain(good.mentee.id);

    expect((await as(good.mentee.id, 'GET', `/programmes/${programmeId}/progress`)).status).toBe(
      403,
    );
  });

  it('never shows HR or the advisor a word of what pairs wrote, in the figures or the CSV', async () => {
    const { programmeId, pairs } = await runningProgramme(1);
    const p = pairs[0]!;
    await writeBookedSeries(stack, { id: p.id, programmeId }, series(20));
    const secret = `secreto-${crypto.randomUUID()}`;
    const writes = [
      as(p.mentee.id, 'POST', `/pairs/${p.id}/notes`, {
        body: { text: secret, visibility: 'shared' },
      }),
      as(p.mentor.id, 'POST', `/pairs/${p.id}/notes`, {
        body: { text: secret, visibility: 'private' },
      }),
      as(p.mentor.id, 'POST', `/pairs/${p.id}/agenda`, { body: { text: secret } }),
      as(p.mentee.id, 'POST', `/pairs/${p.id}/goals`, {
        body: { horizon: 'long', title: secret, description: secret },
      }),
      as(p.mentee.id, 'PUT', `/pairs/${p.id}/sessions/0/feedback`, {
        body: { rating: 2, useful: false, comment: secret },
      }),
    ];
    expect((await Promise.all(writes)).map((w) => w.status)).toEqual([201, 201, 201, 201, 201]);
    for (const who of [HR, ADVISOR]) {
      const r = await api(who, 'GET', `/programmes/${programmeId}/progress`);
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).not.toContain(secret);
    }
    const csv = await fetch(`${stack.url}/api/programmes/${programmeId}/report.csv`, {
      headers: {
        authorization: `Bearer ${await stack.issuer.userToken(stack.people.find((x) => x.displayName === HR)!.id)}`,
      },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // No language asked: English, in UTC.
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="tandem-report-/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    // UTF-8's byte order mark first: Excel reads the accents right only with it.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain(secret);
    const lines = csvLines(text);
    expect(lines[0]).toMatch(
      /^Programme,Mentee,Mentor,Pair status,Booking status,Sessions planned/,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Booked');
    expect((await api(ADVISOR, 'GET', `/programmes/${programmeId}/report.csv`)).status).toBe(403);
  });
});

describe('HR’s CSV report, for the reader (issue 14)', () => {
  it('is in Spanish with ";" and Madrid time for ?lang=es&tz=Europe/Madrid, in English with "," otherwise, the mentee first', async () => {
    const { programmeId, pairs } = await runningProgramme(1);
    const p = pairs[0]!;
    const sessions = series(20);
    await writeBookedSeries(stack, { id: p.id, programmeId }, sessions, {
      responses: { mentor: 'declined', mentee: 'accepted', checkedAt: null },
    });
    const name = (id: string) => stack.people.find((x) => x.id === id)!.displayName;
    const next = sessions.find((s) => Date.parse(s.start) > Date.now())!.start;
    // Sweden's locale writes "2027-03-29 11:00:00": an independent way to the local wall-clock time.
    const wallClock = (zone: string) =>
      new Date(next).toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16);

    const es = await api(
      HR,
      'GET',
      `/programmes/${programmeId}/report.csv?lang=es&tz=Europe/Madrid`,
    );
    expect(es.status).toBe(200);
    expect(es.headers.get('content-disposition')).toMatch(
      /^attachment; filename="tandem-informe-[^"]+\.csv"; filename\*=UTF-8''tandem-informe-/,
    );
    const [header] = csvLines(es.body);
    expect(cells(header!, ';').slice(0, 3)).toEqual(['Programa', 'Mentorizado/a', 'Mentor/a']);
    const [row] = records(es.body, ';');
    expect(row).toMatchObject({
      'Mentorizado/a': name(p.mentee.id),
      'Mentor/a': name(p.mentor.id),
      'Estado de la reserva': 'Reservada',
      'Respuesta del mentorizado/a': 'Aceptada',
      'Respuesta del mentor/a': 'Rechazada',
      'Próxima sesión (Europe/Madrid)': wallClock('Europe/Madrid'),
      Riesgos:
        'Invitación rechazada, Sin valoraciones en dos sesiones seguidas, Sin objetivos tras la segunda sesión',
    });

    const en = await api(
      HR,
      'GET',
      `/programmes/${programmeId}/report.csv?lang=en&tz=America/New_York`,
    );
    expect(en.status).toBe(200);
    expect(en.headers.get('content-disposition')).toMatch(/filename="tandem-report-/);
    const [enRow] = records(en.body, ',');
    expect(enRow).toMatchObject({
      Mentee: name(p.mentee.id),
      Mentor: name(p.mentor.id),
      'Booking status': 'Booked',
      'Mentor’s answer': 'Declined',
      'Next session (America/New_York)': wallClock('America/New_York'),
    });
    expect(en.body).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);

    // An English reader whose Excel splits on ";" chose it: same words, the other separator.
    const chosen = await api(
      HR,
      'GET',
      `/programmes/${programmeId}/report.csv?lang=en&tz=America/New_York&sep=semicolon`,
    );
    expect(chosen.status).toBe(200);
    expect(records(chosen.body, ';')).toEqual(records(en.body, ','));
  });

  it('refuses an unknown language or time zone with a 400 naming the field', async () => {
    const { programmeId } = await runningProgramme(1);
    for (const [query, field] of [
      ['lang=fr', 'query.lang'],
      ['tz=Europe/Atlantis', 'query.tz'],
      ['tz=', 'query.tz'],
      ['sep=tab', 'query.sep'],
      ['sep=', 'query.sep'],
    ] as const) {
      const r = await api(HR, 'GET', `/programmes/${programmeId}/report.csv?${query}`);
      expect([query, r.status]).toEqual([query, 400]);
      expect(JSON.stringify(r.body.errors)).toContain(field);
      const e = await api(HR, 'GET', `/programmes/${programmeId}/evaluation.csv?${query}`);
      expect([query, e.status]).toEqual([query, 400]);
    }
  });
});

describe('the end-of-programme evaluation (PRODUCT rule 8)', () => {
  it('opens after the pair’s last session; HR reads scores and unsigned suggestions, the advisor scores, from the minimum of respondents', async () => {
    const { programmeId, pairs } = await runningProgramme(3);
    const [done, ongoing, alsoDone] = pairs as [
      (typeof pairs)[0],
      (typeof pairs)[0],
      (typeof pairs)[0],
    ];
    // Two pairs' ten sessions are all behind them; the other's are still ahead.
    await writeBookedSeries(stack, { id: done.id, programmeId }, series(200));
    await writeBookedSeries(stack, { id: alsoDone.id, programmeId }, series(200));
    await writeBookedSeries(stack, { id: ongoing.id, programmeId }, series(20));
    const answer = { satisfaction: 5, goalsReached: 4, recommend: 10 };
    const early = await as(ongoing.mentee.id, 'PUT', `/pairs/${ongoing.id}/evaluation`, {
      body: answer,
    });
    expect([early.status, early.body.code]).toEqual([409, 'evaluationNotOpen']);
    expect(
      (await as(ongoing.mentee.id, 'GET', `/pairs/${ongoing.id}/space`)).body.evaluation,
    ).toEqual({
      open: false,
      mine: null,
    });

    const mentee = await as(done.mentee.id, 'PUT', `/pairs/${done.id}/evaluation`, {
      body: { ...answer, suggestion: 'Más sesiones presenciales' },
    });
    expect(mentee.status).toBe(201);
    const mentor = await as(done.mentor.id, 'PUT', `/pairs/${done.id}/evaluation`, {
      body: { satisfaction: 3, goalsReached: 3, recommend: 6 },
    });
    expect(mentor.status).toBe(201);
    const unconditional = await as(done.mentor.id, 'PUT', `/pairs/${done.id}/evaluation`, {
      body: { satisfaction: 4, goalsReached: 3, recommend: 8 },
    });
    expect(unconditional.status).toBe(428);
    const revised = await as(done.mentor.id, 'PUT', `/pairs/${done.id}/evaluation`, {
      body: { satisfaction: 4, goalsReached: 3, recommend: 8 },
      headers: { 'if-match': mentor.body.etag },
    });
    expect(revised.status).toBe(200);
    const space = await as(done.mentor.id, 'GET', `/pairs/${done.id}/space`);
    expect(space.body.evaluation).toMatchObject({
      open: true,
      mine: { recommend: 8, role: 'mentor' },
    });
    expect(JSON.stringify(space.body)).not.toContain('Más sesiones presenciales');
    const third = await as(alsoDone.mentee.id, 'PUT', `/pairs/${alsoDone.id}/evaluation`, {
      body: answer,
    });
    expect(third.status).toBe(201);

    // Three answers, five needed by default: HR learns only how many answered.
    const early2 = await api(HR, 'GET', `/programmes/${programmeId}/evaluation`);
    expect(early2.body).toMatchObject({
      responses: 3,
      minimumRespondents: 5,
      withheld: true,
      netPromoterScore: null,
      byRole: { mentor: { satisfaction: null }, mentee: { satisfaction: null } },
      suggestions: [],
    });
    expect(JSON.stringify(early2.body)).not.toContain('Más sesiones presenciales');
    const { name: programmeName } = (await api(HR, 'GET', `/programmes/${programmeId}`)).body;
    const withheld = await api(
      HR,
      'GET',
      `/programmes/${programmeId}/evaluation.csv?lang=es&tz=Europe/Madrid`,
    );
    expect(withheld.status).toBe(200);
    expect(withheld.headers.get('content-disposition')).toMatch(/filename="tandem-evaluacion-/);
    // The counts only: how many answered, of how many, and the minimum.
    expect(Object.fromEntries(csvLines(withheld.body).map((l) => cells(l, ';')))).toEqual({
      Dato: 'Valor',
      Programa: programmeName,
      Respuestas: '3',
      'Respuestas esperadas': '6',
      'Mínimo de respuestas para mostrar resultados': '5',
      Resultados: 'Retenidos hasta que respondan 5 personas, para que nadie sea identificable',
    });
    expect(withheld.body).not.toContain('Más sesiones presenciales');
    expect((await api(ADVISOR, 'GET', `/programmes/${programmeId}/evaluation.csv`)).status).toBe(
      403,
    );

    // HR may lower the minimum while the programme runs, never below three.
    const programme = await api(HR, 'GET', `/programmes/${programmeId}`);
    expect(programme.body.minRespondents).toBe(5);
    const tooLow = await api(HR, 'PATCH', `/programmes/${programmeId}`, {
      body: { minRespondents: 2 },
      headers: { 'if-match': programme.body.etag },
    });
    expect(tooLow.status).toBe(400);
    const frozen = await api(HR, 'PATCH', `/programmes/${programmeId}`, {
      body: { minRespondents: 3, plannedSessions: 4 },
      headers: { 'if-match': programme.body.etag },
    });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'notEditable']);
    const lowered = await api(HR, 'PATCH', `/programmes/${programmeId}`, {
      body: { minRespondents: 3 },
      headers: { 'if-match': programme.body.etag },
    });
    expect([lowered.status, lowered.body.minRespondents]).toEqual([200, 3]);
    expect((await api(HR, 'GET', `/programmes/${programmeId}`)).body.plannedSessions).toBe(
      programme.body.plannedSessions,
    );

    const hr = await api(HR, 'GET', `/programmes/${programmeId}/evaluation`);
    expect(hr.body).toMatchObject({
      programmeId,
      responses: 3,
      minimumRespondents: 3,
      withheld: false,
      expected: 6,
      byRole: {
        // Each role's average waits for the minimum too: one mentor, two mentees of three needed.
        mentor: { responses: 1, satisfaction: null },
        mentee: { responses: 2, satisfaction: null, goalsReached: null },
      },
      // Two promoters (10, 10) and a passive (8) of three.
      netPromoterScore: 67,
      suggestions: ['Más sesiones presenciales'],
    });
    expect(JSON.stringify(hr.body)).not.toContain(done.mentee.id);
    const shown = await api(HR, 'GET', `/programmes/${programmeId}/evaluation.csv?lang=en`);
    expect(shown.status).toBe(200);
    const figures = csvLines(shown.body).map((l) => cells(l, ','));
    expect(
      Object.fromEntries(figures.filter((f) => f[0] !== 'Suggestion (unsigned)')),
    ).toMatchObject({
      Responses: '3',
      'Responses expected': '6',
      'Minimum of responses before results show': '3',
      Results: 'Shown',
      'Mentees’ average satisfaction (1–5)': '',
      'Mentors’ average satisfaction (1–5)': '',
      'Net promoter score (−100 to 100)': '67',
    });
    expect(figures.filter((f) => f[0] === 'Suggestion (unsigned)')).toEqual([
      ['Suggestion (unsigned)', 'Más sesiones presenciales'],
    ]);
    for (const p of [done, ongoing, alsoDone]) {
      for (const member of [p.mentor.id, p.mentee.id]) {
        expect(shown.body).not.toContain(member);
        expect(shown.body).not.toContain(stack.people.find((x) => x.id === member)!.displayName);
      }
      expect(shown.body).not.toContain(p.id);
    }
    const advisor = await api(ADVISOR, 'GET', `/programmes/${programmeId}/evaluation`);
    expect(advisor.body.responses).toBe(3);
    expect(advisor.body.suggestions).toBeUndefined();
    expect((await as(done.mentee.id, 'GET', `/programmes/${programmeId}/evaluation`)).status).toBe(
      403,
    );
  });

  it('refuses a bad evaluation with the field, and stores nothing', async () => {
    const { programmeId, pairs } = await runningProgramme(1);
    const p = pairs[0]!;
    await writeBookedSeries(stack, { id: p.id, programmeId }, series(200));
    for (const [body, field] of [
      [{ satisfaction: 6, goalsReached: 3, recommend: 5 }, 'satisfaction'],
      [{ satisfaction: 3, goalsReached: 3, recommend: 11 }, 'recommend'],
      [{ satisfaction: 3, recommend: 5 }, 'goalsReached'],
      [{ satisfaction: 3, goalsReached: 3, recommend: 5, who: 'x' }, 'who'],
      [
        { satisfaction: 3, goalsReached: 3, recommend: 5, suggestion: 'x'.repeat(2001) },
        'suggestion',
      ],
    ] as const) {
      const r = await as(p.mentee.id, 'PUT', `/pairs/${p.id}/evaluation`, { body });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.errors)).toContain(field);
    }
    expect((await as(p.mentee.id, 'GET', `/pairs/${p.id}/space`)).body.evaluation.mine).toBeNull();
  });
});
