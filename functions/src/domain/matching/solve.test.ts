import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentProblem, solveAssignment } from './solve';

interface Edge {
  row: number;
  col: number;
  weight: number;
}

function problemOf(rows: number, caps: number[], edges: Edge[]): AssignmentProblem {
  const sorted = [...edges].sort((a, b) => a.row - b.row || a.col - b.col);
  const rowStart = new Int32Array(rows + 1);
  for (const e of sorted) rowStart[e.row + 1]!++;
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  return {
    rows,
    cols: caps.length,
    capacity: Int32Array.from(caps),
    rowStart,
    colIndex: Int32Array.from(sorted.map((e) => e.col)),
    score: Int32Array.from(sorted.map((e) => e.weight)),
    scale: 1,
    bias: 0,
  };
}

/** Every feasible assignment, tried one by one: the reference the solver must equal. */
function bruteForce(rows: number, caps: number[], edges: Edge[]): number {
  const byRow: Edge[][] = Array.from({ length: rows }, () => []);
  for (const e of edges) byRow[e.row]!.push(e);
  const load = caps.map(() => 0);
  let best = 0;
  const go = (r: number, total: number) => {
    if (r === rows) {
      best = Math.max(best, total);
      return;
    }
    go(r + 1, total);
    for (const e of byRow[r]!) {
      if (load[e.col]! < caps[e.col]!) {
        load[e.col]!++;
        go(r + 1, total + e.weight);
        load[e.col]!--;
      }
    }
  };
  go(0, 0);
  return best;
}

function totalWeight(p: AssignmentProblem, assignment: Int32Array): number {
  let total = 0;
  for (let r = 0; r < p.rows; r++) {
    const c = assignment[r]!;
    if (c < 0) continue;
    let found = -1;
    for (let e = p.rowStart[r]!; e < p.rowStart[r + 1]!; e++) if (p.colIndex[e] === c) found = e;
    expect(found, `row ${r} assigned to a column it has no edge to`).toBeGreaterThanOrEqual(0);
    total += p.score[found]! * p.scale + p.bias;
  }
  return total;
}

const instances = fc
  .record({ rows: fc.integer({ min: 0, max: 7 }), cols: fc.integer({ min: 1, max: 7 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      edges: fc
        .uniqueArray(
          fc.record({
            row: fc.integer({ min: 0, max: Math.max(0, rows - 1) }),
            col: fc.integer({ min: 0, max: cols - 1 }),
            weight: fc.integer({ min: 1, max: 20 }),
          }),
          { selector: (e) => `${e.row}:${e.col}`, maxLength: rows * cols },
        )
        .map((edges) => (rows === 0 ? [] : edges)),
    }),
  );

describe('solveAssignment', () => {
  it('equals brute force on every small instance (up to 7 × 7, capacities 0–3)', () => {
    fc.assert(
      fc.property(instances, ({ rows, caps, edges }) => {
        const p = problemOf(rows, caps, edges);
        const assignment = solveAssignment(p);
        expect(totalWeight(p, assignment)).toBe(bruteForce(rows, caps, edges));
        const load = caps.map(() => 0);
        for (const c of assignment) if (c >= 0) load[c]!++;
        for (const [c, l] of load.entries()) expect(l).toBeLessThanOrEqual(caps[c]!);
      }),
      { numRuns: 600 },
    );
  });

  it('moves an earlier row off a column when a later row gains more from it', () => {
    // Row 0 could only take column 0 (weight 1); row 1 values column 0 at 9: 9 beats 1.
    const p = problemOf(
      2,
      [1],
      [
        { row: 0, col: 0, weight: 1 },
        { row: 1, col: 0, weight: 9 },
      ],
    );
    expect([...solveAssignment(p)]).toEqual([-1, 0]);
  });

  it('fills a column up to its capacity', () => {
    const p = problemOf(
      3,
      [2],
      [
        { row: 0, col: 0, weight: 3 },
        { row: 1, col: 0, weight: 5 },
        { row: 2, col: 0, weight: 4 },
      ],
    );
    expect([...solveAssignment(p)]).toEqual([-1, 0, 0]);
  });

  it('gives the same answer for the same input', () => {
    fc.assert(
      fc.property(instances, ({ rows, caps, edges }) => {
        const p = problemOf(rows, caps, edges);
        expect([...solveAssignment(p)]).toEqual([...solveAssignment(p)]);
      }),
      { numRuns: 100 },
    );
  });
});
