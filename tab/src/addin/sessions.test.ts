import { describe, expect, it } from 'vitest';
import { type PaneSession, sessionsForPane } from './sessions';

const session = (index: number, start: string, status: PaneSession['status'] = 'planned') => ({
  index,
  start,
  end: new Date(Date.parse(start) + 3_600_000).toISOString(),
  status,
  held: false,
  myFeedback: null,
  otherGaveFeedback: false,
});

const series = [
  session(0, '2026-03-03T09:00:00.000Z'),
  session(1, '2026-03-17T09:00:00.000Z'),
  session(2, '2026-03-31T08:00:00.000Z', 'cancelled'),
  session(3, '2026-04-14T08:00:00.000Z', 'moved'),
  session(4, '2026-04-28T08:00:00.000Z'),
  session(5, '2026-05-12T08:00:00.000Z'),
];

describe('the sessions the pane shows', () => {
  it('recognises the occurrence the calendar item is, to the minute', () => {
    const at = new Date('2026-04-14T08:00:30Z');
    const { current } = sessionsForPane(series, at, new Date('2026-03-01T00:00:00Z'));
    expect(current?.index).toBe(3);
  });

  it('lists the next three sessions still to come, leaving cancelled ones out', () => {
    const { current, upcoming } = sessionsForPane(
      series,
      undefined,
      new Date('2026-03-20T00:00:00Z'),
    );
    expect(current).toBeUndefined();
    expect(upcoming.map((s) => s.index)).toEqual([3, 4, 5]);
  });

  it('keeps an occurrence that is already over when it is the one open in Outlook', () => {
    const { current, upcoming } = sessionsForPane(
      series,
      new Date('2026-03-03T09:00:00Z'),
      new Date('2026-04-01T00:00:00Z'),
    );
    expect(current?.index).toBe(0);
    expect(upcoming.map((s) => s.index)).toEqual([0, 3, 4, 5]);
  });

  it('matches no session to a cancelled occurrence nor to a time Tandem never booked', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(sessionsForPane(series, new Date('2026-03-31T08:00:00Z'), now).current).toBeUndefined();
    expect(sessionsForPane(series, new Date('2026-03-03T09:05:00Z'), now).current).toBeUndefined();
  });
});
