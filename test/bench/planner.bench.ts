import { TZDate, tzOffset } from '@date-fns/tz';
import type { BusyInterval } from '../../functions/src/domain/schedule/participant';
import { type PlanSeriesInput, planSeries } from '../../functions/src/domain/schedule/plan-series';
import { proposeAlternatives } from '../../functions/src/domain/schedule/propose-alternatives';
import { ana, busyUtc, lucia } from '../fixtures/schedule-people';
import type { BenchRow } from './run';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Deterministic pseudo-random numbers (mulberry32), so every run plans the same calendars. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About three meetings a working day over six months, as busy intervals (UTC). */
function calendar(seed: number, zone: string, from: string): BusyInterval[] {
  const next = random(seed);
  const items: BusyInterval[] = [];
  const first = Date.parse(`${from}T00:00:00Z`) / DAY;
  for (let day = first; day < first + 186; day++) {
    const date = new Date(day * DAY);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    for (let k = 0; k < 3; k++) {
      const halfHour = 16 + Math.floor(next() * 20);
      const start = +new TZDate(
        date.getUTCFullYear(),
        date.getUTCMonth(),
        date.getUTCDate(),
        Math.floor(halfHour / 2),
        (halfHour % 2) * 30,
        zone,
      );
      const end = start + (1 + Math.floor(next() * 3)) * 30 * MINUTE;
      items.push(busyUtc(new Date(start).toISOString(), new Date(end).toISOString()));
    }
  }
  return items;
}

function pairs(count: number, granularityMinutes: number): PlanSeriesInput[] {
  return Array.from({ length: count }, (_, i) => ({
    mentee: lucia(calendar(2 * i + 1, 'America/Mexico_City', '2026-01-12')),
    mentor: ana('18:00', calendar(2 * i + 2, 'Europe/Madrid', '2026-01-12')),
    plan: { earliestStart: '2026-01-12', granularityMinutes },
  }));
}

function perSecond(inputs: readonly unknown[], run: (input: never) => { ok: boolean }, ms: number) {
  for (const input of inputs.slice(0, 3)) run(input as never);
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    const result = run(inputs[done % inputs.length] as never);
    if (!result.ok) throw new Error('the bench pair was refused');
    done++;
  }
  return (done / (performance.now() - started)) * 1000;
}

/** What judging the same cells costs with a TZDate and four zone look-ups each (no offset cache). */
function naiveCellsPerSecond(): number {
  const started = performance.now();
  let n = 0;
  let sink = 0;
  while (performance.now() - started < 300) {
    const at = +new TZDate(2026, 0, 12 + (n % 180), 9, 0, 'America/Mexico_City');
    for (const zone of ['America/Mexico_City', 'Europe/Madrid']) {
      sink += tzOffset(zone, new Date(at)) + tzOffset(zone, new Date(at + 60 * MINUTE));
    }
    n++;
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return (n / (performance.now() - started)) * 1000;
}

/**
 * Planner speed: whole six-month series for a Madrid–Mexico City pair with ~3 meetings a working
 * day each, against the same cells judged without the offset cache.
 */
export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const naive = naiveCellsPerSecond();
  for (const granularity of [30, 15]) {
    const inputs = pairs(20, granularity);
    const rate = perSecond(inputs, planSeries, 2000);
    // Two candidate zones × 7 weekdays × start times × 27 weeks.
    const cells = 2 * 7 * (Math.floor((1440 - 60) / granularity) + 1) * 27;
    const naiveRate = naive / cells;
    rows.push({
      bench: 'planner',
      metric: `planSeries, 10 sessions / 6 months, ${granularity}-min grid`,
      value: rate,
      unit: 'pairs/s',
      reference: { label: 'same cells via TZDate, estimated', value: naiveRate },
      ratio: rate / naiveRate,
      note: `${(1000 / rate).toFixed(2)} ms a pair; ~390 busy entries a person`,
    });
  }
  const inputs = pairs(20, 30).map((p) => ({
    mentee: p.mentee,
    mentor: p.mentor,
    session: { start: '2026-02-09T15:00:00.000Z', end: '2026-02-09T16:00:00.000Z' },
  }));
  const rate = perSecond(inputs, proposeAlternatives, 1500);
  rows.push({
    bench: 'planner',
    metric: 'proposeAlternatives, ±7 days, 30-min grid',
    value: rate,
    unit: 'sessions/s',
    note: `${(1000 / rate).toFixed(2)} ms a session`,
  });
  return rows;
}
