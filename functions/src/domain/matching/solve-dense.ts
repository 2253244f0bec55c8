import type { AssignmentProblem } from './solve';

/**
 * An assignment problem as a matrix of row kinds: rows of one kind have the same edges and scores
 * (in Tandem, mentees of one department, zone, level, languages and wanted topics), except for a
 * few columns each row may not take (its reporting line, HR's exclusions, itself). The same meaning
 * as AssignmentProblem's compressed rows, in a fraction of the memory: a dense pool of 2,000 × 2,000
 * has a few dozen kinds, and fresh memory is slow to touch.
 */
export interface DenseAssignmentProblem {
  rows: number;
  cols: number;
  /** Room per column (≥ 0). */
  capacity: Int32Array;
  kinds: number;
  /**
   * kinds × cols, row-major: an edge's score (an integer below 2^24, so exact in a 32-bit float),
   * or −∞ for no edge. The form the solver reads, so the caller's matrix is the solver's: no copy
   * of millions of cells. The solver borrows it — a row's blocked columns are set to −∞ while
   * that row is read — and leaves it as it was when it returns.
   */
  weight: Float32Array;
  rowKind: Int32Array;
  /** Row r may not take columns blockedCol[blockedStart[r] .. blockedStart[r + 1] - 1]. */
  blockedStart: Int32Array;
  blockedCol: Int32Array;
  scale: number;
  bias: number;
}

/** The kind form of a problem given as compressed rows: rows with equal edges share a kind. */
export function toDense(p: AssignmentProblem): DenseAssignmentProblem {
  const { rows, cols, rowStart, colIndex, score } = p;
  const rowKind = new Int32Array(rows);
  const firsts: number[] = [];
  const byHash = new Map<number, number[]>(); // hash → kinds with it
  const sameEdges = (a: number, b: number) => {
    const n = rowStart[a + 1]! - rowStart[a]!;
    if (n !== rowStart[b + 1]! - rowStart[b]!) return false;
    for (let k = 0; k < n; k++) {
      const ea = rowStart[a]! + k;
      const eb = rowStart[b]! + k;
      if (colIndex[ea] !== colIndex[eb] || score[ea] !== score[eb]) return false;
    }
    return true;
  };
  for (let r = 0; r < rows; r++) {
    let h = 0x811c9dc5;
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      h = Math.imul(h ^ colIndex[e]!, 0x01000193);
      h = Math.imul(h ^ score[e]!, 0x01000193);
    }
    const candidates = byHash.get(h) ?? [];
    const known = candidates.find((k) => sameEdges(firsts[k]!, r));
    if (known !== undefined) {
      rowKind[r] = known;
      continue;
    }
    rowKind[r] = firsts.length;
    candidates.push(firsts.length);
    byHash.set(h, candidates);
    firsts.push(r);
  }
  const weight = new Float32Array(firsts.length * cols).fill(NO_EDGE);
  firsts.forEach((r, k) => {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      weight[k * cols + colIndex[e]!] = score[e]!;
    }
  });
  return {
    rows,
    cols,
    capacity: p.capacity,
    kinds: firsts.length,
    weight,
    rowKind,
    blockedStart: new Int32Array(rows + 1),
    blockedCol: new Int32Array(0),
    scale: p.scale,
    bias: p.bias,
  };
}

/** A cell of `weight` with no edge. */
export const NO_EDGE = Number.NEGATIVE_INFINITY;

/**
 * Columns that stand for several: column c of the problem is members[memberStart[c] ..
 * memberStart[c + 1] - 1] (in order), each with its own room (`capacity`, by member); the
 * problem's room for c is the sum of its members'.
 */
export interface ColumnMembers {
  memberStart: Int32Array;
  members: Int32Array;
  capacity: Int32Array;
}

/**
 * Solves the problem; returns for each row its column, or -1 when it stays unmatched. Columns
 * that no row tells apart — the same score for every kind of row, and blocked for none — are
 * first merged into one column holding all their room: mentors of one department, zone, level,
 * languages and topics are interchangeable, and a pool of 2,000 mentors has a few dozen such
 * groups. The merged problem has exactly the same optimum (an assignment of either form becomes
 * one of the other with the same weight); the rows a merged column takes are then handed to its
 * members in order, each up to its own room. This is the one place columns are grouped: a caller
 * who already knows columns to be alike may hand them in grouped (`grouped`, whose members are
 * then what is returned), and the merge and the handing out compose with it.
 */
export function solveDense(p: DenseAssignmentProblem, grouped?: ColumnMembers): Int32Array {
  const merged = mergeColumns(p);
  if (!merged)
    return grouped ? spreadOverMembers(solveFrom(p), grouped, grouped.capacity) : solveFrom(p);
  const byMerged = solveFrom(merged.problem);
  if (!grouped) return spreadOverMembers(byMerged, merged, p.capacity);
  // A merged column's members: its columns' members, column by column.
  const memberStart = new Int32Array(merged.memberStart.length);
  const members = new Int32Array(grouped.members.length);
  let at = 0;
  for (let g = 0; g + 1 < merged.memberStart.length; g++) {
    for (let k = merged.memberStart[g]!; k < merged.memberStart[g + 1]!; k++) {
      const c = merged.members[k]!;
      for (let e = grouped.memberStart[c]!; e < grouped.memberStart[c + 1]!; e++) {
        members[at++] = grouped.members[e]!;
      }
    }
    memberStart[g + 1] = at;
  }
  return spreadOverMembers(byMerged, { memberStart, members }, grouped.capacity);
}

/**
 * Rows placed on merged columns (groups), handed to the groups' members in order, each member up
 * to its own room (a group's room is the sum of its members', so every row finds one).
 */
export function spreadOverMembers(
  byGroup: Int32Array,
  groups: { memberStart: Int32Array; members: Int32Array },
  capacity: Int32Array,
): Int32Array {
  const { memberStart, members } = groups;
  const at = memberStart.slice(0, memberStart.length - 1);
  const left = capacity.slice();
  const result = new Int32Array(byGroup.length);
  for (let r = 0; r < byGroup.length; r++) {
    const g = byGroup[r]!;
    if (g < 0) {
      result[r] = -1;
      continue;
    }
    while (left[members[at[g]!]!]! === 0) at[g]!++;
    const c = members[at[g]!]!;
    left[c]!--;
    result[r] = c;
  }
  return result;
}

/**
 * Each group's columns, in column order (members[memberStart[g] .. memberStart[g + 1] - 1]), and
 * its room: the sum of its members'.
 */
export function membersOf(groupOf: Int32Array, groups: number, capacity: Int32Array) {
  const memberStart = new Int32Array(groups + 1);
  const room = new Int32Array(groups);
  for (let c = 0; c < groupOf.length; c++) {
    memberStart[groupOf[c]! + 1]!++;
    room[groupOf[c]!]! += capacity[c]!;
  }
  for (let g = 0; g < groups; g++) memberStart[g + 1]! += memberStart[g]!;
  const members = new Int32Array(groupOf.length);
  const fill = memberStart.slice(0, groups);
  for (let c = 0; c < groupOf.length; c++) members[fill[groupOf[c]!]!++] = c;
  return { memberStart, members, room };
}

/**
 * The problem with interchangeable columns merged (see solveDense), or undefined when no two
 * columns can be merged. A column blocked for some row stays alone: that row tells it apart.
 */
export function mergeColumns(p: DenseAssignmentProblem):
  | {
      problem: DenseAssignmentProblem;
      /** Group g's columns, in order: members[memberStart[g] .. memberStart[g + 1] - 1]. */
      memberStart: Int32Array;
      members: Int32Array;
    }
  | undefined {
  const { cols, kinds } = p;
  // The cells' bits: equal scores have equal bits (they are integers, never −0), and −∞ has its own.
  const S = new Int32Array(p.weight.buffer, p.weight.byteOffset, p.weight.length);
  const alone = new Uint8Array(cols);
  for (const c of p.blockedCol) alone[c] = 1;
  const groupOf = new Int32Array(cols);
  const firsts: number[] = []; // each group's first column
  const byHash = new Map<number, number[]>(); // hash of a column's scores → groups with it
  const sameScores = (a: number, b: number) => {
    for (let k = 0; k < kinds; k++) if (S[k * cols + a] !== S[k * cols + b]) return false;
    return true;
  };
  // Every column's hash at once, reading the matrix row by row (in the order it is laid out).
  // Columns that differ in the rows read so far can never merge: once every column that is not
  // alone has a hash of its own — after a few rows, where people differ in everything — there is
  // nothing to merge, and the rest of the matrix is not read.
  const hashes = new Int32Array(cols).fill(0x811c9dc5);
  for (let k = 0, check = 1; k < kinds; k++) {
    const base = k * cols;
    for (let c = 0; c < cols; c++) hashes[c] = Math.imul(hashes[c]! ^ S[base + c]!, 0x01000193);
    if (k + 1 === check) {
      if (allDistinct(hashes, alone)) return undefined;
      check *= 2;
    }
  }
  for (let c = 0; c < cols; c++) {
    if (alone[c]) {
      groupOf[c] = firsts.length;
      firsts.push(c);
      continue;
    }
    const h = hashes[c]!;
    const candidates = byHash.get(h);
    const known = candidates?.find((g) => sameScores(firsts[g]!, c));
    if (known !== undefined) {
      groupOf[c] = known;
      continue;
    }
    groupOf[c] = firsts.length;
    if (candidates) candidates.push(firsts.length);
    else byHash.set(h, [firsts.length]);
    firsts.push(c);
  }
  const G = firsts.length;
  if (G === cols) return undefined;
  const { memberStart, members, room: capacity } = membersOf(groupOf, G, p.capacity);
  const weight = new Float32Array(kinds * G);
  for (let k = 0; k < kinds; k++) {
    for (let g = 0; g < G; g++) weight[k * G + g] = p.weight[k * cols + firsts[g]!]!;
  }
  return {
    problem: {
      ...p,
      cols: G,
      capacity,
      weight,
      blockedCol: Int32Array.from(p.blockedCol, (c) => groupOf[c]!),
    },
    memberStart,
    members,
  };
}

/**
 * solveRows from the smaller side. When there are fewer seats (the columns' room, summed) than
 * rows — more mentees than mentors can take — most searches from a row would end at its own
 * unmatched column after reaching every column it can, and the last thousand rows of an
 * oversubscribed pool each read most of the matrix. The same problem seen from the seats has
 * many free columns (the mentees left out), and a search from a seat ends at the first one
 * (measured on a varied 3,000 mentees × 1,000 mentors of room 1–3: cells the searches read
 * fell from 126 M to 17 M, the same optimum).
 */
function solveFrom(p: DenseAssignmentProblem): Int32Array {
  let seats = 0;
  for (let c = 0; c < p.cols; c++) seats += p.capacity[c]!;
  // Only where rows are mostly of kinds of their own: rows of one kind are read once per search
  // anyway, and a matrix of a few kinds would grow into one of every row.
  return seats < p.rows && p.rows <= 2 * p.kinds ? fromSeats(p, seats) : solveRows(p);
}

/**
 * The problem seen from the seats: a row per seat (a column of room 3 is three rows of one kind:
 * the column), a column per row of p (room 1), each cell p's weight there, −∞ where p has no edge
 * or the row has the column blocked — a blocked cell belongs to one row and one column, so here it
 * is a cell of the matrix. The same pairs with the same weights: the same optimum.
 */
function transpose(p: DenseAssignmentProblem, seats: number): DenseAssignmentProblem {
  const { rows, cols, rowKind } = p;
  const weight = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const from = rowKind[r]! * cols;
    for (let c = 0; c < cols; c++) weight[c * rows + r] = p.weight[from + c]!;
    for (let e = p.blockedStart[r]!; e < p.blockedStart[r + 1]!; e++) {
      weight[p.blockedCol[e]! * rows + r] = NO_EDGE;
    }
  }
  const seatKind = new Int32Array(seats);
  for (let c = 0, s = 0; c < cols; c++) for (let k = 0; k < p.capacity[c]!; k++) seatKind[s++] = c;
  return {
    rows: seats,
    cols: rows,
    capacity: new Int32Array(rows).fill(1),
    kinds: cols,
    weight,
    rowKind: seatKind,
    blockedStart: new Int32Array(seats + 1),
    blockedCol: new Int32Array(0),
    scale: p.scale,
    bias: p.bias,
  };
}

/** Solves p from its seats (transpose); returns, as solveRows does, each row's column or -1. */
function fromSeats(p: DenseAssignmentProblem, seats: number): Int32Array {
  const t = transpose(p, seats);
  const bySeat = solveRows(t);
  const result = new Int32Array(p.rows).fill(-1);
  for (let s = 0; s < seats; s++) if (bySeat[s]! >= 0) result[bySeat[s]!] = t.rowKind[s]!;
  return result;
}

/** Whether the hashes of the columns not alone are all different (then no two are equal). */
function allDistinct(hashes: Int32Array, alone: Uint8Array): boolean {
  let n = 0;
  const own = new Int32Array(hashes.length);
  for (let c = 0; c < hashes.length; c++) if (!alone[c]) own[n++] = hashes[c]!;
  const sorted = own.subarray(0, n).sort();
  for (let k = 1; k < n; k++) if (sorted[k] === sorted[k - 1]) return false;
  return true;
}

/** Where a row sits while it is in its private "unmatched" column. */
const UNMATCHED = -2;

/**
 * The solver itself, the dense form of solve.ts's: the same successive shortest augmenting paths
 * with potentials, the same private "unmatched" column per row, the same exactness — on a score
 * matrix — after a Jonker–Volgenant start that places most rows without a search.
 *
 * Potentials, as in solve.ts (maximising): every row r with a place has potRow[r] ≥ potCol[c] +
 * weight(r, c) for every column c it may take and ≥ its unmatched column's potential (0, never
 * moved), with equality where it sits; potCol ≤ 0, and a column below 0 is full. Any partial
 * assignment with such potentials is optimal for its rows, and a shortest augmenting path from a
 * free row keeps it so; the last one leaves an optimal assignment of all rows (the linear
 * programme's dual is feasible and complementary). How the start reached its partial assignment
 * does not matter — only that it keeps these rules, so a start may be cut short at any point.
 *
 * 1. The augmenting row reduction of Jonker and Volgenant (1987): a free row takes its best
 *    column, and lowers that column's potential until the row's second best ties with it — the
 *    row then holds it at exactly its best, the column is full (only columns of room 1 are
 *    lowered), and every other row still holds its own best, as potentials only fell. The row it
 *    pushes out bids next. Up to eight passes over the free rows, within 16 bids a row.
 * 2. The rows left, one by one: the cheapest place when its best column has room, otherwise
 *    Dijkstra, without a heap: the columns not yet reached sit in one list, every column at the
 *    current smallest distance is moved to the front together (scores take few distinct values,
 *    so ties are many), and a scanned row updates the remaining columns in one linear pass over
 *    its row of the matrix. It stops at the first column with room, or at a row's unmatched
 *    column, at the smallest distance.
 *
 * The matrix is read as 32-bit floats holding each score, −∞ where there is no edge: a pass over
 * a row is then a subtraction and a comparison per column, with no test for a missing edge (−∞
 * is never better), and a row's blocked columns are set to −∞ while that row is read.
 */
function solveRows(p: DenseAssignmentProblem): Int32Array {
  const { rows, cols, capacity, rowKind, blockedStart, blockedCol, scale, bias } = p;
  const INF = Number.POSITIVE_INFINITY;
  // Scores exactly (they are integers far below 2^24); a weight is score × scale + bias, exact in
  // a double (the caller keeps totals below 2^53).
  const W = p.weight;
  const potCol = new Float64Array(cols);
  const potUnmatched = new Float64Array(rows);
  const potRow = new Float64Array(rows);
  const matchCol = new Int32Array(rows).fill(-1);
  // A row's potential is kept only while it is being placed: a row in a column is tight on it
  // (its potential is the column's plus its weight there), and a row in its unmatched column is
  // tight on that one, whose potential never moves (a path ends there and never crosses it). So
  // a search needs no bookkeeping per row it reaches, and an augmentation updates columns only.
  //
  // Rows held by each column, in buckets of one kind (defined below): rows of a kind in a column
  // reach everything alike, so a search reads one row per bucket — a merged column of a dense
  // pool holds dozens of rows of a few kinds. Buckets and rows are doubly linked lists.
  const count = new Int32Array(cols);
  const bucketHead = new Int32Array(cols).fill(-1);
  const bucketNext = new Int32Array(rows);
  const bucketPrev = new Int32Array(rows);
  const bucketKind = new Int32Array(rows);
  const bucketFirst = new Int32Array(rows); // its first row
  const bucketOf = new Int32Array(rows);
  const rowNext = new Int32Array(rows);
  const rowPrev = new Int32Array(rows);
  const freeBuckets = new Int32Array(rows);
  for (let b = 0; b < rows; b++) freeBuckets[b] = rows - 1 - b;
  let nFree = rows;

  const dist = new Float64Array(cols);
  const pred = new Int32Array(cols);
  // Columns: [0, low) scanned, [low, up) at the current smallest distance, [up, cols) the rest;
  // `at` is where each column is in `list` (kept during a search only).
  const list = new Int32Array(cols);
  const at = new Int32Array(cols);
  let low = 0;
  let up = 0;
  let min = 0;
  // The best unmatched column reached so far (always free: a row reached through a real column
  // is not in its own unmatched column).
  let unmatchedDist = 0;
  let unmatchedRow = -1;
  // Rows with the same edges reach every column at the same cost plus their own offset
  // (distance + potential): once one is scanned, a later one scanned from a higher offset cannot
  // shorten any path, and its pass over the columns is skipped. Tandem's dense pools are mostly
  // such rows. A row with blocked columns is a kind of its own here.
  const kind = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    kind[r] = blockedStart[r + 1]! > blockedStart[r]! ? p.kinds + r : rowKind[r]!;
  }
  const kindOffset = new Float64Array(p.kinds + rows).fill(INF);
  const touchedKinds = new Int32Array(rows);
  let nKinds = 0;
  // The scores a row's blocked columns hide while it is read.
  const hidden = new Float32Array(blockedCol.length);

  // Small functions rather than one long loop: each is optimised on its own as soon as it is hot,
  // where one long function is compiled on stack replacement and again at every branch it had
  // not yet taken — which, in a process that runs once, costs more than the work itself.

  /** Hides row r's blocked columns in its kind's row of W; returns where that row starts. */
  function open(r: number): number {
    const base = rowKind[r]! * cols;
    for (let e = blockedStart[r]!, end = blockedStart[r + 1]!; e < end; e++) {
      hidden[e] = W[base + blockedCol[e]!]!;
      W[base + blockedCol[e]!] = -INF;
    }
    return base;
  }

  /** Shows them again (backwards: a column listed twice gets its own score back). */
  function close(r: number) {
    const base = rowKind[r]! * cols;
    for (let e = blockedStart[r + 1]! - 1, end = blockedStart[r]!; e >= end; e--) {
      W[base + blockedCol[e]!] = hidden[e]!;
    }
  }

  function attach(r: number, c: number) {
    matchCol[r] = c;
    count[c]!++;
    const k = kind[r]!;
    let b = bucketHead[c]!;
    while (b >= 0 && bucketKind[b] !== k) b = bucketNext[b]!;
    if (b < 0) {
      b = freeBuckets[--nFree]!;
      bucketKind[b] = k;
      bucketFirst[b] = -1;
      bucketPrev[b] = -1;
      bucketNext[b] = bucketHead[c]!;
      if (bucketHead[c]! >= 0) bucketPrev[bucketHead[c]!] = b;
      bucketHead[c] = b;
    }
    bucketOf[r] = b;
    rowPrev[r] = -1;
    rowNext[r] = bucketFirst[b]!;
    if (bucketFirst[b]! >= 0) rowPrev[bucketFirst[b]!] = r;
    bucketFirst[b] = r;
  }

  function detach(r: number) {
    const c = matchCol[r]!;
    count[c]!--;
    const b = bucketOf[r]!;
    if (rowPrev[r]! >= 0) rowNext[rowPrev[r]!] = rowNext[r]!;
    else bucketFirst[b] = rowNext[r]!;
    if (rowNext[r]! >= 0) rowPrev[rowNext[r]!] = rowPrev[r]!;
    if (bucketFirst[b]! >= 0) return;
    if (bucketPrev[b]! >= 0) bucketNext[bucketPrev[b]!] = bucketNext[b]!;
    else bucketHead[c] = bucketNext[b]!;
    if (bucketNext[b]! >= 0) bucketPrev[bucketNext[b]!] = bucketPrev[b]!;
    freeBuckets[nFree++] = b;
  }

  // The search that last changed each column's potential (see placeFromGroup).
  const movedAt = new Int32Array(cols);
  let searches = 1;

  /** Lowers column c's potential (it is full, or is filled now, and has room for one). */
  function lower(c: number, by: number) {
    potCol[c]! -= by;
    movedAt[c] = searches;
  }

  // Step 1: the augmenting row reduction. `second` is the value of the best place after the best.
  let second = 0;
  let secondCol = -1;

  /** Row i's best place: a column, or -1 for its unmatched column (which wins ties). */
  function best(i: number): number {
    const base = open(i);
    let j1 = -1;
    let t1 = potUnmatched[i]!;
    let j2 = -1;
    let t2 = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < cols; c++) {
      const t = potCol[c]! + (W[base + c]! * scale + bias);
      if (t > t2) {
        if (t > t1) {
          j2 = j1;
          t2 = t1;
          j1 = c;
          t1 = t;
        } else {
          j2 = c;
          t2 = t;
        }
      }
    }
    close(i);
    potRow[i] = t1;
    second = t2;
    secondCol = j2;
    return j1;
  }

  /**
   * One bid of free row i: -1 when it is placed and nobody moved, a row it pushed out (`raised`:
   * after lowering a column), or -2 when it is left for step 2.
   */
  let raised = false;
  function bid(i: number): number {
    raised = false;
    let c = best(i);
    if (c < 0) {
      matchCol[i] = UNMATCHED;
      return -1;
    }
    const gap = potRow[i]! - second;
    if (gap === 0) {
      // A tie: the second place if it has room (the unmatched column always has).
      if (secondCol < 0) {
        matchCol[i] = UNMATCHED;
        return -1;
      }
      if (count[c]! >= capacity[c]!) c = secondCol;
    }
    if (capacity[c] !== 1) {
      if (count[c]! >= capacity[c]!) return -2;
      attach(i, c);
      return -1;
    }
    let out = -1;
    if (count[c] === 1) {
      out = bucketFirst[bucketHead[c]!]!;
      detach(out);
      matchCol[out] = -1;
    }
    if (gap > 0) {
      lower(c, gap);
      potRow[i] = second;
      raised = out >= 0;
    }
    attach(i, c);
    return out;
  }

  /** Step 1 over every row: the rows it leaves free, in order. */
  function reduceRows(): Int32Array {
    const left = new Int32Array(rows);
    let nLeft = 0;
    let queue = new Int32Array(rows);
    for (let r = 0; r < rows; r++) queue[r] = r;
    let n = rows;
    let budget = 16 * rows;
    for (let pass = 0; pass < 8 && n > 0; pass++) {
      const next = new Int32Array(n);
      let m = 0;
      for (let k = 0; k < n; k++) {
        let i = queue[k]!;
        for (;;) {
          if (budget-- <= 0) {
            next[m++] = i;
            break;
          }
          const out = bid(i);
          if (out === -1) break;
          if (out === -2) {
            left[nLeft++] = i;
            break;
          }
          // A row pushed out by a lowered column bids at once; after a tie, in the next pass.
          if (raised) i = out;
          else {
            next[m++] = out;
            break;
          }
        }
      }
      queue = next;
      n = m;
    }
    for (let k = 0; k < n; k++) left[nLeft++] = queue[k]!;
    return left.subarray(0, nLeft).sort();
  }

  // Step 2.

  /**
   * Gives row i its potential — its best (column potential + weight), which keeps every reduced
   * cost out of it non-negative — and, when that best column has room, the shortest path is that
   * one arc: the row takes it and true is returned. The unmatched column comes first and a real
   * one must beat it, or tie it with room while it has none, as in solve.ts.
   */
  function placeCheaply(i: number): boolean {
    const base = open(i);
    let bestCol = -1;
    let bestT = potUnmatched[i]!;
    let bestFree = true;
    for (let c = 0; c < cols; c++) {
      const t = potCol[c]! + (W[base + c]! * scale + bias);
      if (t > bestT || (t === bestT && !bestFree && count[c]! < capacity[c]!)) {
        bestCol = c;
        bestT = t;
        bestFree = count[c]! < capacity[c]!;
      }
    }
    close(i);
    potRow[i] = bestT;
    if (!bestFree) return false;
    if (bestCol < 0) matchCol[i] = UNMATCHED;
    else attach(i, bestCol);
    return true;
  }

  /** Distances from row i, its potential already set, to every column. */
  function start(i: number) {
    const base = open(i);
    const pi = potRow[i]!;
    for (let c = 0; c < cols; c++) {
      list[c] = c;
      at[c] = c;
      pred[c] = i;
      dist[c] = pi - (W[base + c]! * scale + bias) - potCol[c]!;
    }
    close(i);
    low = 0;
    up = 0;
    nKinds = 0;
    kindOffset[kind[i]!] = pi;
    touchedKinds[nKinds++] = kind[i]!;
    unmatchedDist = pi - potUnmatched[i]!;
    unmatchedRow = i;
  }

  /**
   * Moves every unscanned column at the smallest distance to the front; returns a free one among
   * them, -1 when the unmatched column is as near (it then ends the path), or -2 to go on.
   */
  function nextFrontier(): number {
    let m = INF;
    let u = up;
    for (let k = up; k < cols; k++) {
      const c = list[k]!;
      const h = dist[c]!;
      if (h <= m) {
        if (h < m) {
          u = low;
          m = h;
        }
        list[k] = list[u]!;
        at[list[k]!] = k;
        list[u] = c;
        at[c] = u++;
      }
    }
    up = u;
    if (unmatchedDist < m) {
      min = unmatchedDist;
      return -1;
    }
    min = m;
    for (let k = low; k < up; k++) {
      const c = list[k]!;
      if (count[c]! < capacity[c]!) return c;
    }
    return unmatchedDist === m ? -1 : -2;
  }

  /**
   * Relaxes the arcs out of row r, reached at distance + potential `offset`: returns a free column
   * reached at the smallest distance, -1 when its unmatched column is, or -2 to go on.
   */
  function relax(r: number, offset: number): number {
    const toUnmatched = offset - potUnmatched[r]!;
    if (toUnmatched < unmatchedDist) {
      unmatchedDist = toUnmatched;
      unmatchedRow = r;
      if (toUnmatched === min) return -1;
    }
    const rk = kind[r]!;
    if (offset >= kindOffset[rk]!) return -2;
    if (kindOffset[rk] === INF) touchedKinds[nKinds++] = rk;
    kindOffset[rk] = offset;
    const edges = edgesOf[rowKind[r]!] ?? listEdges(rowKind[r]!);
    const base = open(r);
    const found =
      edges.length < cols - up ? relaxEdges(r, base, offset, edges) : relaxAll(r, base, offset);
    close(r);
    return found;
  }

  /** relax over the columns not yet reached (no edge: −∞, so v is +∞ and fails the test). */
  function relaxAll(r: number, base: number, offset: number): number {
    // Every weight has the bias: taken off once (all integers below 2^53, so exactly the same).
    const o = offset - bias;
    const m = min;
    let u = up;
    let found = -2;
    for (let k = u; k < cols; k++) {
      const c = list[k]!;
      const v = o - W[base + c]! * scale - potCol[c]!;
      if (v < dist[c]!) {
        dist[c] = v;
        pred[c] = r;
        if (v === m) {
          if (count[c]! < capacity[c]!) {
            found = c;
            break;
          }
          list[k] = list[u]!;
          at[list[k]!] = k;
          list[u] = c;
          at[c] = u++;
        }
      }
    }
    up = u;
    return found;
  }

  /**
   * relax over the row's edges only, when they are fewer than the columns not yet reached. A
   * column already scanned or at the smallest distance fails the test (no reduced cost is
   * negative, so v ≥ min ≥ its distance), and a blocked one is −∞ in W, as above.
   */
  function relaxEdges(r: number, base: number, offset: number, edges: Int32Array): number {
    // Every weight has the bias: taken off once (all integers below 2^53, so exactly the same).
    const o = offset - bias;
    const m = min;
    let u = up;
    let found = -2;
    for (let e = 0; e < edges.length; e++) {
      const c = edges[e]!;
      const v = o - W[base + c]! * scale - potCol[c]!;
      if (v < dist[c]!) {
        dist[c] = v;
        pred[c] = r;
        if (v === m) {
          if (count[c]! < capacity[c]!) {
            found = c;
            break;
          }
          // Into the columns at the smallest distance (it is past them: see above).
          const k = at[c]!;
          list[k] = list[u]!;
          at[list[k]!] = k;
          list[u] = c;
          at[c] = u++;
        }
      }
    }
    up = u;
    return found;
  }

  // Each kind's edges (the columns where its row of W is not −∞), listed the first time a search
  // reads a row of that kind: a row of a pool where people differ in everything reaches a third
  // of the columns or fewer, and a pass over its edges then reads a fraction of what a pass over
  // every column not yet reached does (profiled on the bench's varied pool: the searches were
  // most of the solve). Listed once per kind, from the kind's own row (no row's blocked columns).
  const edgesOf: (Int32Array | undefined)[] = new Array(p.kinds);
  const scratch = new Int32Array(cols);

  function listEdges(k: number): Int32Array {
    const base = k * cols;
    let n = 0;
    for (let c = 0; c < cols; c++) if (W[base + c]! !== NO_EDGE) scratch[n++] = c;
    const edges = scratch.slice(0, n);
    edgesOf[k] = edges;
    return edges;
  }

  /** Dijkstra from row i: the terminal column (-1: unmatchedRow's unmatched column). */
  function search(i: number): number {
    start(i);
    for (;;) {
      if (low === up) {
        const found = nextFrontier();
        if (found !== -2) return found;
      }
      const c1 = list[low++]!;
      // A row in c1 is reached at c1's distance (its arc there is tight), and its potential is
      // c1's plus its weight there (never a blocked column: the row sits in it).
      const reach = min + potCol[c1]!;
      for (let b = bucketHead[c1]!; b >= 0; b = bucketNext[b]!) {
        const r = bucketFirst[b]!;
        const found = relax(r, reach + (W[rowKind[r]! * cols + c1]! * scale + bias));
        if (found !== -2) return found;
      }
    }
  }

  /**
   * New potentials for the columns (the rows' follow: see above), then every row on the path
   * moves to the column it reached.
   */
  function augment(i: number, terminal: number) {
    const D = min;
    for (let k = 0; k < low; k++) {
      const c = list[k]!;
      if (dist[c]! !== D) lower(c, D - dist[c]!);
    }
    for (let k = 0; k < nKinds; k++) kindOffset[touchedKinds[k]!] = INF;
    let c = terminal;
    if (c < 0) {
      const r = unmatchedRow;
      c = matchCol[r]!;
      if (c >= 0) detach(r);
      matchCol[r] = UNMATCHED;
      if (r === i) return;
    }
    for (;;) {
      const r = pred[c]!;
      const from = matchCol[r]!;
      if (from >= 0) detach(r);
      attach(r, c);
      if (r === i) return;
      c = from;
    }
  }

  // A row without blocked columns takes the first column with room among its kind's best ones
  // (largest potential + weight) — what placeCheaply finds, without reading the whole row each
  // time. Each kind keeps that list, ascending, with a cursor past the full ones: loads only grow
  // along the way (an augmenting path or a bid moves rows, never empties a column), and
  // potentials only fall. A best column whose potential fell is no longer best; while one best
  // column is left untouched the others stay below it, so the list holds until every one of its
  // columns has moved.
  const groups: (Int32Array | undefined)[] = new Array(p.kinds);
  const groupAt = new Int32Array(p.kinds);
  const groupBest = new Float64Array(p.kinds);
  const groupSince = new Int32Array(p.kinds);

  function findGroup(k: number) {
    const base = k * cols;
    let bestT = Number.NEGATIVE_INFINITY;
    let size = 0;
    for (let c = 0; c < cols; c++) {
      const t = potCol[c]! + (W[base + c]! * scale + bias);
      if (t === Number.NEGATIVE_INFINITY) continue;
      if (t > bestT) {
        bestT = t;
        size = 0;
      }
      if (t === bestT) list[size++] = c; // list is free outside a search
    }
    groups[k] = list.slice(0, size);
    groupAt[k] = 0;
    groupBest[k] = bestT;
    groupSince[k] = searches;
  }

  /** placeCheaply for a row without blocked columns, from its kind's best columns. */
  function placeFromGroup(i: number): boolean {
    const k = rowKind[i]!;
    if (groups[k] === undefined) findGroup(k);
    let group = groups[k]!;
    let at = groupAt[k]!;
    for (let fresh = false; ; fresh = true) {
      while (at < group.length) {
        const c = group[at]!;
        if (movedAt[c]! < groupSince[k]! && count[c]! < capacity[c]!) break;
        at++;
      }
      groupAt[k] = at;
      if (fresh || at < group.length || group.some((c) => movedAt[c]! < groupSince[k]!)) break;
      // Every best column has moved: read the row again (once: nothing moves meanwhile).
      findGroup(k);
      group = groups[k]!;
      at = 0;
    }
    // The unmatched column wins ties, as in placeCheaply.
    if (potUnmatched[i]! >= groupBest[k]!) {
      potRow[i] = potUnmatched[i]!;
      matchCol[i] = UNMATCHED;
      return true;
    }
    potRow[i] = groupBest[k]!;
    if (at === group.length) return false;
    attach(i, group[at]!);
    return true;
  }

  const left = reduceRows();
  searches++; // the groups below see every potential the bids lowered as moved before them
  for (let k = 0; k < left.length; k++) {
    const i = left[k]!;
    const cheap = kind[i] === rowKind[i] ? placeFromGroup(i) : placeCheaply(i);
    if (cheap) continue;
    augment(i, search(i));
    searches++;
  }

  const result = new Int32Array(rows);
  for (let r = 0; r < rows; r++) result[r] = matchCol[r]! >= 0 ? matchCol[r]! : -1;
  return result;
}
