import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { ana, busyUtc, carmen, javier, lucia } from '../../../../test/fixtures/schedule-people';
import { planSeries } from './plan-series';
import type { CustomTimeZone } from './time-zone';

function planned(result: ReturnType<typeof planSeries>) {
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.reason)}`);
  return result.series;
}

describe('planSeries: Madrid ↔ Mexico City across the late-March DST change', () => {
  it('keeps every session inside both working days when the mentee-anchored time allows it', () => {
    const series = planned(
      planSeries({ mentee: lucia(), mentor: ana('18:00'), plan: { earliestStart: '2026-01-12' } }),
    );
    expect(series.recurrenceZone).toEqual({
      anchoredTo: 'mentee',
      iana: 'America/Mexico_City',
      name: 'America/Mexico_City',
    });
    expect(series.weekly).toEqual({
      weekday: 'monday',
      intervalWeeks: 2,
      sessions: 10,
      firstDate: '2026-01-12',
      startTime: '09:00',
      endDate: '2026-01-12',
      endTime: '10:00',
      zone: 'America/Mexico_City',
    });
    expect(series.score).toEqual({ free: 10, conflicts: 0 });
    expect(series.clashing).toEqual([]);
    // Madrid moves to summer time on 29 March 2026: 7 h apart before, 8 h after.
    expect(
      series.occurrences.map((o) => `${o.local.mentee.start} ${o.local.mentor.start}`),
    ).toEqual([...Array(6).fill('09:00 16:00'), ...Array(4).fill('09:00 17:00')]);
    expect(series.occurrences[5]?.start).toBe('2026-03-23T15:00:00.000Z');
    expect(series.occurrences[6]?.start).toBe('2026-04-06T15:00:00.000Z');
    expect(series.occurrences[6]?.local.mentor.timeZone).toBe('Europe/Madrid');
  });

  it('sees that a 16:00 Madrid series falls at 08:00 in Mexico City once Madrid is on summer time', () => {
    const series = planned(
      planSeries({
        mentee: lucia(),
        mentor: ana('17:00'),
        plan: { earliestStart: '2026-01-12', recurrenceTimeZone: 'Europe/Madrid' },
      }),
    );
    expect(series.recurrenceZone.anchoredTo).toBe('programme');
    expect(series.weekly).toMatchObject({
      firstDate: '2026-01-12',
      startTime: '16:00',
      zone: 'Europe/Madrid',
    });
    expect(series.occurrences.map((o) => o.local.mentee.start)).toEqual([
      ...Array(6).fill('09:00'),
      ...Array(4).fill('08:00'),
    ]);
    expect(series.score).toEqual({ free: 6, conflicts: 4 });
    expect(series.clashing.map((o) => o.index)).toEqual([6, 7, 8, 9]);
    expect(series.clashing[0]?.clashes).toEqual([
      {
        role: 'mentee',
        personId: 'lucia@contoso-iberica.example',
        kind: 'outsideWorkingHours',
        local: {
          date: '2026-04-06',
          dayOfWeek: 'monday',
          start: '08:00',
          end: '09:00',
          timeZone: 'America/Mexico_City',
        },
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          start: '09:00',
          end: '18:00',
          timeZone: 'America/Mexico_City',
        },
      },
    ]);
  });

  it('reports the mentor outside working hours when the series is kept at 09:00 in Mexico City', () => {
    const series = planned(
      planSeries({ mentee: lucia(), mentor: ana('17:00'), plan: { earliestStart: '2026-01-12' } }),
    );
    expect(series.score).toEqual({ free: 6, conflicts: 4 });
    expect(series.clashing.map((o) => o.local.mentor.start)).toEqual(Array(4).fill('17:00'));
    expect(series.clashing.flatMap((o) => o.clashes.map((c) => `${c.role}:${c.kind}`))).toEqual(
      Array(4).fill('mentor:outsideWorkingHours'),
    );
  });
});

describe('planSeries: which zone keeps the time', () => {
  it('anchors the series in the mentor’s zone when only the mentor’s time can stay put', () => {
    const mentor = ana();
    mentor.workingHours = { ...mentor.workingHours, startTime: '16:00:00', endTime: '17:00:00' };
    const mentee = lucia();
    mentee.workingHours = { ...mentee.workingHours, startTime: '08:00:00', endTime: '10:00:00' };
    const series = planned(planSeries({ mentee, mentor, plan: { earliestStart: '2026-01-12' } }));
    expect(series.recurrenceZone).toEqual({
      anchoredTo: 'mentor',
      iana: 'Europe/Madrid',
      name: 'Europe/Madrid',
    });
    expect(series.score).toEqual({ free: 10, conflicts: 0 });
    expect(series.occurrences.map((o) => o.local.mentee.start)).toEqual([
      ...Array(6).fill('09:00'),
      ...Array(4).fill('08:00'),
    ]);
  });
});

describe('planSeries: Madrid ↔ Mexico City across the late-October DST change', () => {
  it('starts the fortnightly series on the week that puts the most sessions after the change', () => {
    const series = planned(
      planSeries({ mentee: lucia(), mentor: ana('17:00'), plan: { earliestStart: '2026-09-07' } }),
    );
    // Before 25 October the two working days do not overlap at all (8 h apart, Madrid stops at 17:00).
    expect(series.weekly.firstDate).toBe('2026-09-14');
    expect(series.weekly.intervalWeeks).toBe(2);
    expect(series.score).toEqual({ free: 7, conflicts: 3 });
    expect(series.occurrences.map((o) => o.local.mentor.start)).toEqual([
      ...Array(3).fill('17:00'),
      ...Array(7).fill('16:00'),
    ]);
    expect(series.occurrences[3]?.local.mentor.date).toBe('2026-10-26');
    expect(series.occurrences.at(-1)?.local.mentee.date).toBe('2027-01-18');
  });
});

describe('planSeries: Madrid ↔ Las Palmas', () => {
  const madridMondayBusy = () => {
    // Javier's weekly 10:00–11:00 (Madrid) Monday meeting, as UTC calendar entries.
    const items = [];
    for (let week = 0; week < 30; week++) {
      const start = new TZDate(2026, 2, 2 + 7 * week, 10, 0, 'Europe/Madrid');
      const end = new TZDate(2026, 2, 2 + 7 * week, 11, 0, 'Europe/Madrid');
      items.push(busyUtc(new Date(+start).toISOString(), new Date(+end).toISOString()));
    }
    return items;
  };

  it('keeps the one-hour difference all year, since both zones change on the same instant', () => {
    const series = planned(
      planSeries({ mentee: carmen(), mentor: javier(), plan: { earliestStart: '2026-03-02' } }),
    );
    expect(series.recurrenceZone).toEqual({
      anchoredTo: 'mentee',
      iana: 'Atlantic/Canary',
      name: 'Atlantic/Canary',
    });
    expect(series.score.free).toBe(10);
    expect(new Set(series.occurrences.map((o) => o.local.mentee.start))).toEqual(
      new Set(['09:00']),
    );
    expect(new Set(series.occurrences.map((o) => o.local.mentor.start))).toEqual(
      new Set(['10:00']),
    );
  });

  it('moves past the mentor’s weekly meeting rather than clash with it', () => {
    const series = planned(
      planSeries({
        mentee: carmen(),
        mentor: javier(madridMondayBusy()),
        plan: { earliestStart: '2026-03-02' },
      }),
    );
    expect(series.weekly.weekday).toBe('monday');
    expect(series.weekly).toMatchObject({ firstDate: '2026-03-02', startTime: '10:00' });
    expect(series.score).toEqual({ free: 10, conflicts: 0 });
    expect(new Set(series.occurrences.map((o) => o.local.mentor.start))).toEqual(
      new Set(['11:00']),
    );
  });

  it('plans the same instants in London, whose rules the Canaries share', () => {
    const london = carmen();
    london.timeZone = 'Europe/London';
    london.workingHours = { ...london.workingHours, timeZone: 'Europe/London' };
    const series = planned(
      planSeries({
        mentee: london,
        mentor: javier(),
        plan: { earliestStart: '2026-03-02' },
      }),
    );
    expect(series.recurrenceZone.iana).toBe('Europe/London');
    expect(series.occurrences.map((o) => o.start)).toEqual(
      planned(
        planSeries({ mentee: carmen(), mentor: javier(), plan: { earliestStart: '2026-03-02' } }),
      ).occurrences.map((o) => o.start),
    );
  });
});

describe('planSeries: busy time', () => {
  it('avoids a weekday on which one of the sessions would fall on an out-of-office day', () => {
    const busy = busyUtc('2026-03-16T08:30:00Z', '2026-03-16T12:30:00Z', 'oof');
    const series = planned(
      planSeries({
        mentee: carmen([busy]),
        mentor: javier(),
        plan: { earliestStart: '2026-03-02', intervals: [1], sessions: 4 },
      }),
    );
    // Every weekday of that week has a free slot, so the planner avoids Monday 16 March entirely.
    expect(series.score).toEqual({ free: 4, conflicts: 0 });
    expect(series.occurrences.map((o) => o.local.mentee.date)).not.toContain('2026-03-16');
  });

  it('takes busy intervals the adapter read in another form', () => {
    // Monday 2 March 2026 09:00–11:00 UTC (= 09:00 Canarias) busy, then out of office a week later.
    const interval = (from: string, to: string, status: 'busy' | 'oof') => ({
      start: Date.parse(from),
      end: Date.parse(to),
      status,
    });
    const series = planned(
      planSeries({
        mentee: {
          ...carmen(),
          busy: [
            interval('2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z', 'busy'),
            interval('2026-03-09T09:00:00Z', '2026-03-09T11:00:00Z', 'oof'),
          ],
        },
        mentor: javier(),
        plan: { earliestStart: '2026-03-02', sessions: 2, months: 1, intervals: [1] },
      }),
    );
    // 09:00–11:00 Canarias is taken on both Mondays; 11:00 is free.
    expect(series.weekly).toMatchObject({ firstDate: '2026-03-02', startTime: '11:00' });
    expect(series.score).toEqual({ free: 2, conflicts: 0 });
  });

  it('still plans the best slot when every one is busy, and names whose entry it clashes with', () => {
    const busy = busyUtc('2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z');
    const series = planned(
      planSeries({
        mentee: lucia([busy]),
        mentor: ana('17:00'),
        plan: { earliestStart: '2026-03-02', sessions: 1, months: 1, intervals: [1] },
      }),
    );
    // The only week: Lucía is busy all of it, so the best slot still clashes, busy only.
    expect(series.score.free).toBe(0);
    expect(series.clashing[0]?.clashes).toEqual([
      {
        role: 'mentee',
        personId: 'lucia@contoso-iberica.example',
        kind: 'busy',
        busy: [
          { start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z', status: 'busy' },
        ],
      },
    ]);
  });
});

describe('planSeries: ranking', () => {
  it('prefers more free sessions to fewer clashes in total', () => {
    const person = (id: string, busy: [string, string][]) => ({
      id,
      timeZone: 'UTC',
      workingHours: {
        daysOfWeek: ['monday', 'tuesday'],
        startTime: '09:00',
        endTime: '10:00',
        timeZone: 'UTC',
      },
      entries: busy.map(([start, end]) => busyUtc(start, end)),
    });
    const both: [string, string][] = [
      ['2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z'],
      ['2026-03-16T09:00:00Z', '2026-03-16T10:00:00Z'],
    ];
    const tuesdays: [string, string][] = [3, 10, 17].map((d) => [
      `2026-03-${String(d).padStart(2, '0')}T09:00:00Z`,
      `2026-03-${String(d).padStart(2, '0')}T10:00:00Z`,
    ]);
    // Mondays: one free session, two with both people busy (4 clashes).
    // Tuesdays: no free session, three with only the mentee busy (3 clashes).
    const series = planned(
      planSeries({
        mentee: person('mentee', [...both, ...tuesdays]),
        mentor: person('mentor', both),
        plan: { earliestStart: '2026-03-02', sessions: 3, months: 1, intervals: [1] },
      }),
    );
    expect(series.weekly.weekday).toBe('monday');
    expect(series.score).toEqual({ free: 1, conflicts: 4 });
  });
});

describe('planSeries: refusals', () => {
  it('refuses with noCommonWorkingHours when the two working days never overlap', () => {
    const result = planSeries({
      mentee: lucia(),
      mentor: javier(),
      plan: { earliestStart: '2026-01-12' },
    });
    expect(result).toMatchObject({
      ok: false,
      reason: {
        code: 'noCommonWorkingHours',
        mentee: { start: '09:00', end: '18:00', timeZone: 'America/Mexico_City' },
        mentor: { start: '09:00', end: '14:00', timeZone: 'Europe/Madrid' },
      },
    });
  });

  it('refuses with windowTooShort when the sessions cannot fit weekly into the programme', () => {
    const result = planSeries({
      mentee: carmen(),
      mentor: javier(),
      plan: { earliestStart: '2026-03-02', sessions: 10, months: 1 },
    });
    expect(result).toEqual({
      ok: false,
      reason: { code: 'windowTooShort', sessions: 10, months: 1, days: 31 },
    });
  });

  it('refuses with unknownTimeZone and names whose zone it is', () => {
    const result = planSeries({
      mentee: { ...carmen(), timeZone: 'Mars Standard Time' },
      mentor: javier(),
      plan: { earliestStart: '2026-03-02' },
    });
    expect(result).toEqual({
      ok: false,
      reason: { code: 'unknownTimeZone', timeZone: 'Mars Standard Time', role: 'mentee' },
    });
  });

  it('plans for a mentor whose working hours are in a zone given by rules, inside those hours', () => {
    // Madrid's rules as a custom zone: Outlook's getSchedule may serve a zone this way.
    const madridRules: CustomTimeZone = {
      kind: 'custom',
      name: 'Customized Time Zone',
      standardOffset: 60,
      daylight: {
        offset: 120,
        starts: { month: 3, week: 5, weekday: 0, minuteOfDay: 120 },
        ends: { month: 10, week: 5, weekday: 0, minuteOfDay: 180 },
      },
    };
    const mentor = ana('18:00');
    const series = planned(
      planSeries({
        mentee: lucia(),
        mentor: {
          ...mentor,
          timeZone: madridRules,
          workingHours: { ...mentor.workingHours, timeZone: madridRules },
        },
        plan: { earliestStart: '2026-01-12' },
      }),
    );
    // A custom zone has no name for Graph: the series keeps the mentee's named zone.
    expect(series.recurrenceZone.anchoredTo).toBe('mentee');
    expect(series.score).toEqual({ free: 10, conflicts: 0 });
    expect(series.clashing).toEqual([]);
    // The rules' change on 29 March moves the mentor's clock exactly as Europe/Madrid would.
    expect(series.occurrences.map((o) => o.local.mentor.start)).toEqual([
      ...Array(6).fill('16:00'),
      ...Array(4).fill('17:00'),
    ]);
  });

  it('anchors the series in UTC when both people have zones given by rules', () => {
    const fixed = (offset: number): CustomTimeZone => ({
      kind: 'custom',
      name: 'Customized Time Zone',
      standardOffset: offset,
    });
    const withZone = (person: ReturnType<typeof lucia>, zone: CustomTimeZone) => ({
      ...person,
      timeZone: zone,
      workingHours: { ...person.workingHours, timeZone: zone },
    });
    const series = planned(
      planSeries({
        mentee: withZone(lucia(), fixed(-360)),
        mentor: withZone(ana('18:00'), fixed(60)),
        plan: { earliestStart: '2026-01-12' },
      }),
    );
    expect(series.recurrenceZone).toMatchObject({ anchoredTo: 'utc', name: 'UTC' });
    expect(series.clashing).toEqual([]);
    expect(new Set(series.occurrences.map((o) => o.local.mentee.start)).size).toBe(1);
  });

  it('refuses working hours that end before they start', () => {
    const result = planSeries({
      mentee: carmen(),
      mentor: {
        ...javier(),
        workingHours: { ...javier().workingHours, endTime: '08:00:00.0000000' },
      },
      plan: { earliestStart: '2026-03-02' },
    });
    expect(result).toMatchObject({
      ok: false,
      reason: { code: 'invalidWorkingHours', role: 'mentor' },
    });
  });

  it('refuses a plan that asks for an interval of zero weeks', () => {
    const result = planSeries({
      mentee: carmen(),
      mentor: javier(),
      plan: { earliestStart: '2026-03-02', intervals: [0] },
    });
    expect(result).toMatchObject({ ok: false, reason: { code: 'invalidPlan' } });
  });

  it('refuses a plan whose start is not a calendar date', () => {
    const result = planSeries({
      mentee: carmen(),
      mentor: javier(),
      plan: { earliestStart: '2026-02-30' },
    });
    expect(result).toMatchObject({ ok: false, reason: { code: 'invalidPlan' } });
  });
});
