import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentProblem, isDense, solveAssignment, solveSparse } from './solve';
import { type DenseAssignmentProblem, mergeColumns, solveDense, toDense } from './solve-dense';

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

/** A matrix of scores + 1 (0: no edge) in the dense solver's form: the score, or −∞ for no edge. */
function weightsOf(scorePlusOne: Int32Array): Float32Array {
  return Float32Array.from(scorePlusOne, (v) => (v === 0 ? Number.NEGATIVE_INFINITY : v - 1));
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

describe('the heap and matrix forms of the solver', () => {
  const solvers = {
    heap: solveSparse,
    matrix: (p: AssignmentProblem) => solveDense(toDense(p)),
  };

  for (const [name, solve] of Object.entries(solvers)) {
    it(`${name}: equals brute force on every small instance (up to 7 × 7, capacities 0–3)`, () => {
      fc.assert(
        fc.property(instances, ({ rows, caps, edges }) => {
          const p = problemOf(rows, caps, edges);
          const assignment = solve(p);
          expect(totalWeight(p, assignment)).toBe(bruteForce(rows, caps, edges));
          const load = caps.map(() => 0);
          for (const c of assignment) if (c >= 0) load[c]!++;
          for (const [c, l] of load.entries()) expect(l).toBeLessThanOrEqual(caps[c]!);
        }),
        { numRuns: 400 },
      );
    });
  }

  // Few distinct weights, as Tandem's scores have: many ties, long alternating paths.
  const larger = fc
    .record({
      rows: fc.integer({ min: 1, max: 60 }),
      cols: fc.integer({ min: 1, max: 40 }),
      seed: fc.integer(),
      density: fc.constantFrom(0.1, 0.5, 0.9, 1),
      maxCap: fc.integer({ min: 0, max: 3 }),
      distinct: fc.constantFrom(1, 2, 5, 1000),
      bias: fc.constantFrom(0, 1, 5000),
      // Rows copied from a few templates, as people of the same department and zone are.
      templates: fc.constantFrom(0, 1, 3),
    })
    .map(({ rows, cols, seed, density, maxCap, distinct, bias, templates }) => {
      let s = seed >>> 0;
      const rnd = () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return s / 2 ** 32;
      };
      const caps = Array.from({ length: cols }, () => Math.floor(rnd() * (maxCap + 1)));
      const edges: Edge[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          if (rnd() < density) edges.push({ row, col, weight: Math.floor(rnd() * distinct) });
        }
      }
      if (templates > 0) {
        const copies: Edge[] = [];
        for (let row = 0; row < rows; row++) {
          const from = Math.floor(rnd() * Math.min(templates, rows));
          for (const e of edges) if (e.row === from) copies.push({ ...e, row });
        }
        return { p: { ...problemOf(rows, caps, copies), bias }, caps };
      }
      return { p: { ...problemOf(rows, caps, edges), bias }, caps };
    });

  it('reach the same optimum on larger instances with many ties, within every capacity', () => {
    fc.assert(
      fc.property(larger, ({ p, caps }) => {
        const heap = solveSparse(p);
        const matrix = solvers.matrix(p);
        expect(totalWeight(p, matrix)).toBe(totalWeight(p, heap));
        const load = caps.map(() => 0);
        for (const c of matrix) if (c >= 0) load[c]!++;
        for (const [c, l] of load.entries()) expect(l).toBeLessThanOrEqual(caps[c]!);
      }),
      { numRuns: 300 },
    );
  });

  // Rows of a few kinds, each with some columns of its own blocked (its reporting line).
  const kinded = fc
    .record({
      rows: fc.integer({ min: 1, max: 40 }),
      cols: fc.integer({ min: 1, max: 30 }),
      kinds: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer(),
      maxCap: fc.integer({ min: 0, max: 3 }),
      distinct: fc.constantFrom(1, 3, 1000),
      bias: fc.constantFrom(0, 1, 5000),
    })
    .map(({ rows, cols, kinds, seed, maxCap, distinct, bias }) => {
      let s = seed >>> 0;
      const rnd = () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return s / 2 ** 32;
      };
      const capacity = Int32Array.from({ length: cols }, () => Math.floor(rnd() * (maxCap + 1)));
      const kindScore = Int32Array.from({ length: kinds * cols }, () =>
        rnd() < 0.8 ? 1 + Math.floor(rnd() * distinct) : 0,
      );
      const rowKind = Int32Array.from({ length: rows }, () => Math.floor(rnd() * kinds));
      const blocked: number[][] = Array.from({ length: rows }, () =>
        rnd() < 0.5 ? [] : [...new Set([0, 1, 2].map(() => Math.floor(rnd() * cols)))],
      );
      const blockedStart = new Int32Array(rows + 1);
      blocked.forEach((b, r) => {
        blockedStart[r + 1] = blockedStart[r]! + b.length;
      });
      const dense: DenseAssignmentProblem = {
        rows,
        cols,
        capacity,
        kinds,
        weight: weightsOf(kindScore),
        rowKind,
        blockedStart,
        blockedCol: Int32Array.from(blocked.flat()),
        scale: 1,
        bias,
      };
      const edges: Edge[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const v = kindScore[rowKind[row]! * cols + col]!;
          if (v > 0 && !blocked[row]!.includes(col)) edges.push({ row, col, weight: v - 1 });
        }
      }
      return { dense, sparse: { ...problemOf(rows, [...capacity], edges), bias } };
    });

  it('matrix of row kinds with blocked columns: the same optimum as the heap form', () => {
    fc.assert(
      fc.property(kinded, ({ dense, sparse }) => {
        const before = dense.weight.slice();
        const assignment = solveDense(dense);
        // The solver borrows the caller's matrix (blocked cells hidden while read): it is given back as it was.
        expect(dense.weight).toEqual(before);
        // totalWeight fails on any blocked column: the compressed rows have no edge there.
        expect(totalWeight(sparse, assignment)).toBe(totalWeight(sparse, solveSparse(sparse)));
        const load = new Int32Array(dense.cols);
        for (const c of assignment) if (c >= 0) load[c]!++;
        for (const [c, l] of load.entries()) expect(l).toBeLessThanOrEqual(dense.capacity[c]!);
      }),
      { numRuns: 500 },
    );
  });

  // Nearly every row a kind of its own and most rooms of one, as in a pool where people differ in
  // everything: the row reduction (bids, lowered columns, pushed-out rows) does most of the work.
  const varied = fc
    .record({
      rows: fc.integer({ min: 1, max: 30 }),
      cols: fc.integer({ min: 1, max: 30 }),
      seed: fc.integer(),
      roomsOfOne: fc.boolean(),
      distinct: fc.constantFrom(1, 2, 3, 10, 1000),
      density: fc.constantFrom(0.3, 0.8, 1),
      bias: fc.constantFrom(0, 1, 5000),
      scale: fc.constantFrom(1, 3),
    })
    .map(({ rows, cols, seed, roomsOfOne, distinct, density, bias, scale }) => {
      let s = seed >>> 0;
      const rnd = () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return s / 2 ** 32;
      };
      const capacity = Int32Array.from({ length: cols }, () =>
        roomsOfOne ? 1 : Math.floor(rnd() * 3),
      );
      const kinds = rows;
      const kindScore = Int32Array.from({ length: kinds * cols }, () =>
        rnd() < density ? 1 + Math.floor(rnd() * distinct) : 0,
      );
      // Two rows in five share their kind with another row.
      const rowKind = Int32Array.from({ length: rows }, (_, r) =>
        rnd() < 0.4 ? Math.floor(rnd() * rows) : r,
      );
      const blocked = Array.from({ length: rows }, () =>
        rnd() < 0.5 ? [] : [0, 1, 2].map(() => Math.floor(rnd() * cols)),
      );
      const blockedStart = new Int32Array(rows + 1);
      blocked.forEach((b, r) => {
        blockedStart[r + 1] = blockedStart[r]! + b.length;
      });
      const dense: DenseAssignmentProblem = {
        rows,
        cols,
        capacity,
        kinds,
        weight: weightsOf(kindScore),
        rowKind,
        blockedStart,
        blockedCol: Int32Array.from(blocked.flat()),
        scale,
        bias,
      };
      const edges: Edge[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const v = kindScore[rowKind[row]! * cols + col]!;
          if (v > 0 && !blocked[row]!.includes(col)) edges.push({ row, col, weight: v - 1 });
        }
      }
      return { dense, sparse: { ...problemOf(rows, [...capacity], edges), scale, bias } };
    });

  it('rows nearly all distinct, rooms of one: the same optimum as the heap form', () => {
    fc.assert(
      fc.property(varied, ({ dense, sparse }) => {
        const assignment = solveDense(dense);
        expect(totalWeight(sparse, assignment)).toBe(totalWeight(sparse, solveSparse(sparse)));
        const load = new Int32Array(dense.cols);
        for (const c of assignment) if (c >= 0) load[c]!++;
        for (const [c, l] of load.entries()) expect(l).toBeLessThanOrEqual(dense.capacity[c]!);
      }),
      { numRuns: 500 },
    );
  });

  // Large enough for long searches (every row of its own kind, rooms of one, a third of the pairs
  // eligible or fewer, the participation bias): the matrix form then reads a row over its edges
  // rather than over every column left, and must reach the heap form's optimum all the same.
  const thin = fc
    .record({
      rows: fc.integer({ min: 20, max: 90 }),
      cols: fc.integer({ min: 20, max: 90 }),
      seed: fc.integer(),
      density: fc.constantFrom(0.05, 0.15, 0.3),
      distinct: fc.constantFrom(1, 4, 1000),
      bias: fc.constantFrom(0, 1, 100_000),
    })
    .map(({ rows, cols, seed, density, distinct, bias }) => {
      let s = seed >>> 0;
      const rnd = () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return s / 2 ** 32;
      };
      const caps = Array.from({ length: cols }, () => (rnd() < 0.9 ? 1 : 2));
      const edges: Edge[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          if (rnd() < density) edges.push({ row, col, weight: Math.floor(rnd() * distinct) });
        }
      }
      return { p: { ...problemOf(rows, caps, edges), bias }, caps };
    });

  it('thin rows, long searches: the same optimum as the heap form, within every capacity', () => {
    fc.assert(
      fc.property(thin, ({ p, caps }) => {
        const matrix = solveDense(toDense(p));
        expect(totalWeight(p, matrix)).toBe(totalWeight(p, solveSparse(p)));
        const load = caps.map(() => 0);
        for (const c of matrix) if (c >= 0) load[c]!++;
        for (const [c, l] of load.entries()) expect(l).toBeLessThanOrEqual(caps[c]!);
      }),
      { numRuns: 200 },
    );
  });

  // More rows than seats, rows of kinds of their own, some cells blocked: the matrix form solves
  // these from the seats' side, and must reach the heap form's optimum all the same.
  const oversubscribed = fc
    .record({
      rows: fc.integer({ min: 10, max: 70 }),
      cols: fc.integer({ min: 1, max: 25 }),
      seed: fc.integer(),
      density: fc.constantFrom(0.1, 0.3, 0.8),
      distinct: fc.constantFrom(1, 4, 1000),
      bias: fc.constantFrom(1, 100_000),
    })
    .map(({ rows, cols, seed, density, distinct, bias }) => {
      let s = seed >>> 0;
      const rnd = () => {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        return s / 2 ** 32;
      };
      const capacity = Int32Array.from({ length: cols }, () => Math.floor(rnd() * 4));
      const scorePlusOne = Int32Array.from({ length: rows * cols }, () =>
        rnd() < density ? 1 + Math.floor(rnd() * distinct) : 0,
      );
      // One row in five shares its kind with another row.
      const rowKind = Int32Array.from({ length: rows }, (_, r) =>
        rnd() < 0.2 ? Math.floor(rnd() * rows) : r,
      );
      const blocked = Array.from({ length: rows }, () =>
        rnd() < 0.5 ? [] : [0, 1].map(() => Math.floor(rnd() * cols)),
      );
      const blockedStart = new Int32Array(rows + 1);
      blocked.forEach((b, r) => {
        blockedStart[r + 1] = blockedStart[r]! + b.length;
      });
      const dense: DenseAssignmentProblem = {
        rows,
        cols,
        capacity,
        kinds: rows,
        weight: weightsOf(scorePlusOne),
        rowKind,
        blockedStart,
        blockedCol: Int32Array.from(blocked.flat()),
        scale: 1,
        bias,
      };
      const edges: Edge[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const v = scorePlusOne[rowKind[row]! * cols + col]!;
          if (v > 0 && !blocked[row]!.includes(col)) edges.push({ row, col, weight: v - 1 });
        }
      }
      return { dense, sparse: { ...problemOf(rows, [...capacity], edges), bias } };
    });

  it('more rows than seats: the same optimum as the heap form, within every capacity', () => {
    fc.assert(
      fc.property(oversubscribed, ({ dense, sparse }) => {
        const assignment = solveDense(dense);
        expect(totalWeight(sparse, assignment)).toBe(totalWeight(sparse, solveSparse(sparse)));
        const load = new Int32Array(dense.cols);
        for (const c of assignment) if (c >= 0) load[c]!++;
        for (const [c, l] of load.entries()) expect(l).toBeLessThanOrEqual(dense.capacity[c]!);
      }),
      { numRuns: 300 },
    );
  });

  it('merges exactly the columns equal in every row and blocked for no row', () => {
    fc.assert(
      fc.property(
        fc.record({
          kinds: fc.integer({ min: 1, max: 12 }),
          cols: fc.integer({ min: 1, max: 24 }),
          // Few column patterns, so some columns are equal; a late row may tell two apart.
          patterns: fc.integer({ min: 1, max: 6 }),
          seed: fc.integer(),
        }),
        ({ kinds, cols, patterns, seed }) => {
          let s = seed >>> 0;
          const rnd = () => {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            return s / 2 ** 32;
          };
          const base = Array.from({ length: patterns }, () =>
            Array.from({ length: kinds }, () => (rnd() < 0.2 ? 0 : 1 + Math.floor(rnd() * 3))),
          );
          const columns = Array.from({ length: cols }, () => {
            const column = [...base[Math.floor(rnd() * patterns)]!];
            if (rnd() < 0.2) column[kinds - 1] = 9; // differs in the last row only
            return column;
          });
          const scorePlusOne = new Int32Array(kinds * cols);
          columns.forEach((column, c) => {
            column.forEach((v, k) => {
              scorePlusOne[k * cols + c] = v;
            });
          });
          const blocked = rnd() < 0.5 ? [Math.floor(rnd() * cols)] : [];
          const p: DenseAssignmentProblem = {
            rows: 1,
            cols,
            capacity: new Int32Array(cols).fill(1),
            kinds,
            weight: weightsOf(scorePlusOne),
            rowKind: Int32Array.of(0),
            blockedStart: Int32Array.of(0, blocked.length),
            blockedCol: Int32Array.from(blocked),
            scale: 1,
            bias: 0,
          };
          // Naively: a column joins the first earlier column equal to it, unless either is blocked.
          const group = columns.map((column, c) =>
            blocked.includes(c)
              ? c
              : columns.findIndex(
                  (other, d) => !blocked.includes(d) && other.every((v, k) => v === column[k]),
                ),
          );
          const merged = mergeColumns(p);
          if (group.every((g, c) => g === c)) {
            expect(merged).toBe(undefined);
            return;
          }
          expect(merged).toBeDefined();
          const groupOf = new Int32Array(cols);
          for (let g = 0; g + 1 < merged!.memberStart.length; g++) {
            for (let k = merged!.memberStart[g]!; k < merged!.memberStart[g + 1]!; k++) {
              groupOf[merged!.members[k]!] = g;
            }
          }
          for (let a = 0; a < cols; a++) {
            for (let b = 0; b < cols; b++) {
              expect(groupOf[a] === groupOf[b]).toBe(group[a] === group[b]);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('merges the columns no row tells apart, keeps a blocked one alone, and fills each member', () => {
    // Columns 0, 1 and 2 score alike for every kind, but row 0 may not take column 2.
    const p: DenseAssignmentProblem = {
      rows: 4,
      cols: 4,
      capacity: Int32Array.of(1, 2, 1, 1),
      kinds: 2,
      weight: weightsOf(Int32Array.of(5, 5, 5, 2, 3, 3, 3, 4)),
      rowKind: Int32Array.of(0, 0, 0, 1),
      blockedStart: Int32Array.of(0, 1, 1, 1, 1),
      blockedCol: Int32Array.of(2),
      scale: 1,
      bias: 0,
    };
    const merged = mergeColumns(p)!;
    expect(merged.problem.cols).toBe(3);
    expect([...merged.problem.capacity]).toEqual([3, 1, 1]);
    expect([...merged.problem.weight]).toEqual([4, 4, 1, 2, 2, 3]);
    expect([...merged.problem.blockedCol]).toEqual([1]);
    const assignment = [...solveDense(p)];
    expect(assignment[0]).not.toBe(2);
    expect(assignment[3]).toBe(3);
    const load = [0, 0, 0, 0];
    for (const c of assignment) if (c >= 0) load[c]!++;
    for (const [c, l] of load.entries()) expect(l).toBeLessThanOrEqual(p.capacity[c]!);
    const total = assignment.reduce((t, c, r) => t + p.weight[p.rowKind[r]! * 4 + c]!, 0);
    expect(total).toBe(4 + 4 + 4 + 3);
    // Nothing to merge: the problem goes to the solver as it is.
    expect(mergeColumns({ ...p, weight: weightsOf(Int32Array.of(1, 2, 3, 4, 5, 6, 7, 8)) })).toBe(
      undefined,
    );
  });

  it('sends only problems where most pairs are edges to the matrix form', () => {
    const full = problemOf(
      2,
      [1, 1],
      [0, 1].flatMap((row) => [0, 1].map((col) => ({ row, col, weight: 1 }))),
    );
    expect(isDense(full)).toBe(true);
    const thin = problemOf(10, Array(10).fill(1), [{ row: 0, col: 0, weight: 1 }]);
    expect(isDense(thin)).toBe(false);
  });
});
