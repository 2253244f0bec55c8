import { describe, expect, it } from 'vitest';
import { REFUSALS, refusalProblem } from './refusals';

const line = {
  code: 'reportingLine',
  text: 'Reporting line: Ana → Luis',
  params: { line: 'Ana → Luis' },
};

describe('the refusal registry', () => {
  it('answers a refused swap with the reporting line’s own code, the line and the pair', () => {
    expect(
      refusalProblem({ code: 'refusedPair', mentee: 'e1', mentor: 'm2', reason: line }),
    ).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'The swap would make a pair that is not allowed. Reporting line: Ana → Luis',
      code: 'reportingLine',
      reason: line,
      mentee: 'e1',
      mentor: 'm2',
    });
  });

  it('answers a confirmation with nothing confirmed in the first refusal’s code and words', () => {
    const refused = [
      { proposalId: 'p1', code: 'reportingLine', reason: line },
      {
        proposalId: 'p2',
        code: 'mentorFull',
        reason: { code: 'mentorFull', text: 'The mentor has no room left.' },
      },
    ] as const;
    expect(
      refusalProblem({
        code: 'noneConfirmed',
        refused: [...refused] as [(typeof refused)[number], ...(typeof refused)[number][]],
        programmeStatus: 'matching',
      }),
    ).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: line.text,
      code: 'reportingLine',
      confirmed: [],
      refused,
      programmeStatus: 'matching',
    });
  });

  it('tells an application’s notEditable from a programme’s by the status it names', () => {
    expect(refusalProblem({ code: 'notEditable', status: 'withdrawn' }).detail).toBe(
      'This application can no longer be changed.',
    );
    expect(refusalProblem({ code: 'notEditable', status: 'running' }).detail).toBe(
      'A running or closed programme can no longer be edited.',
    );
  });

  it('sends only the code for a session refusal and a programme stage move', () => {
    expect(
      refusalProblem({ code: 'noFreeSlotNearby', from: '2027-03-01', to: '2027-03-15' }),
    ).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: "Not possible for this pair's sessions (noFreeSlotNearby).",
      code: 'noFreeSlotNearby',
    });
    expect(refusalProblem({ code: 'invalidTransition', from: 'closed', to: 'open' })).toEqual({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'A closed programme cannot become open.',
      code: 'invalidTransition',
    });
  });

  it('gives every code an HTTP error status and words', () => {
    for (const [code, entry] of Object.entries(REFUSALS)) {
      expect([403, 404, 409, 503], code).toContain(entry.status);
      expect(entry.detail, code).toBeTruthy();
    }
  });
});
