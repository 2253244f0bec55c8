/**
 * The assignment core: an exact maximum-weight b-matching between rows (mentees, at most one
 * column each) and columns (mentors, up to their capacity), over a sparse candidate graph (a dense
 * one goes to the matrix form of the same method, solve-dense.ts).
 *
 * Method: successive shortest augmenting paths with potentials (Jonker–Volgenant style), one row
 * at a time. Each row also has a private "unmatched" column of weight 0, so a row may stay
 * unmatched — or push an earlier row off its column when that is better overall; with that
 * column the problem is a rectangular assignment, for which adding rows one by one along
 * shortest paths keeps the assignment optimal after every row. Dijkstra runs on reduced costs
 * (never negative thanks to the potentials), touches only the part of the graph it reaches, and
 * stops at the first column with room. Weights are integers held exactly in doubles (< 2^53).
 */

import { solveDense, toDense } from './solve-dense';

export interface AssignmentProblem {
  rows: number;
  cols: number;
  /** Room per column (≥ 0). */
  capacity: Int32Array;
  /** Compressed rows: row r's candidates are edges rowStart[r] .. rowStart[r + 1] - 1. */
  rowStart: Int32Array;
  colIndex: Int32Array;
  /** Integer score of each candidate edge (≥ 0); its weight is `score × scale + bias`. */
  score: Int32Array;
  /** Integers chosen so every weight is positive and every total stays below 2^53. */
  scale: number;
  bias: number;
}

/**
 * Solves the problem; returns for each row its column, or -1 when it stays unmatched. A dense
 * problem (most rows reach most columns, as in a pool where everyone shares a language and nobody
 * names topics) goes to the matrix solver: there Dijkstra's frontier is most of the columns, and a
 * linear scan of a row of the matrix beats pushing every arc through a heap. Both are exact.
 */
export function solveAssignment(p: AssignmentProblem): Int32Array {
  return isDense(p) ? solveDense(toDense(p)) : solveSparse(p);
}

/** At least a quarter of all row × column pairs are edges, and the matrix stays small enough. */
export function isDense(p: AssignmentProblem): boolean {
  const cells = p.rows * p.cols;
  return cells > 0 && cells <= DENSE_MAX_CELLS && p.colIndex.length * 4 >= cells;
}

const DENSE_MAX_CELLS = 1 << 25; // 128 MB of Int32 scores at most

/** The heap-based solver over the compressed rows (any density). */
export function solveSparse(p: AssignmentProblem): Int32Array {
  const { rows, cols, capacity, rowStart, colIndex, score, scale, bias } = p;
  // Weights are formed on the fly: a dense pool has millions of edges, and a second array of
  // them would cost more in memory traffic than the arithmetic does.
  const weightOf = (e: number) => score[e]! * scale + bias;
  const C = cols + rows; // real columns, then each row's private "unmatched" column
  const potCol = new Float64Array(C);
  const potRow = new Float64Array(rows);
  const matchCol = new Int32Array(rows).fill(-1);
  const matchW = new Float64Array(rows);
  // Rows held by each column: a doubly linked list through the rows.
  const head = new Int32Array(C).fill(-1);
  const next = new Int32Array(rows).fill(-1);
  const prev = new Int32Array(rows).fill(-1);
  const count = new Int32Array(C);

  const distCol = new Float64Array(C).fill(Number.POSITIVE_INFINITY);
  const predRow = new Int32Array(C).fill(-1);
  const predW = new Float64Array(C);
  const distRow = new Float64Array(rows);
  const touchedCols = new Int32Array(C);
  const finalCols = new Int32Array(C);
  const isFinal = new Uint8Array(C);
  const visitedRows = new Int32Array(rows);
  // Indexed binary min-heap of columns keyed by (distCol, full): at equal distance a column with
  // room comes first, which ends the search at once — scores take few distinct values, so ties
  // are the common case, not the exception.
  const full = new Uint8Array(C);
  const heap = new Int32Array(C);
  const heapPos = new Int32Array(C).fill(-1);
  let heapSize = 0;

  const capOf = (c: number) => (c < cols ? capacity[c]! : 1);

  const before = (a: number, b: number) =>
    distCol[a]! < distCol[b]! || (distCol[a] === distCol[b] && full[a]! < full[b]!);

  function siftUp(pos: number) {
    const c = heap[pos]!;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pc = heap[parent]!;
      if (!before(c, pc)) break;
      heap[pos] = pc;
      heapPos[pc] = pos;
      pos = parent;
    }
    heap[pos] = c;
    heapPos[c] = pos;
  }

  function popMin(): number {
    const top = heap[0]!;
    heapPos[top] = -1;
    heapSize--;
    if (heapSize > 0) {
      const last = heap[heapSize]!;
      let pos = 0;
      for (;;) {
        let child = 2 * pos + 1;
        if (child >= heapSize) break;
        const right = child + 1;
        if (right < heapSize && before(heap[right]!, heap[child]!)) child = right;
        if (!before(heap[child]!, last)) break;
        heap[pos] = heap[child]!;
        heapPos[heap[pos]!] = pos;
        pos = child;
      }
      heap[pos] = last;
      heapPos[last] = pos;
    }
    return top;
  }

  let touched = 0;
  function offer(c: number, d: number, fromRow: number, w: number) {
    if (isFinal[c] || d >= distCol[c]!) return;
    if (distCol[c] === Number.POSITIVE_INFINITY) {
      touchedCols[touched++] = c;
      full[c] = count[c]! < capOf(c) ? 0 : 1;
    }
    distCol[c] = d;
    predRow[c] = fromRow;
    predW[c] = w;
    if (heapPos[c]! < 0) {
      heap[heapSize] = c;
      heapPos[c] = heapSize++;
    }
    siftUp(heapPos[c]!);
  }

  function relax(r: number, dr: number) {
    const pr = potRow[r]!;
    const own = matchCol[r]!;
    // The hot loop of a large sparse pool (hundreds of millions of arcs): most arcs improve
    // nothing, and the distance test alone turns them away — a column already final was reached
    // at most at dr, and no reduced cost is negative, so it fails the test too.
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      const c = colIndex[e]!;
      const w = weightOf(e);
      const d = dr + (pr - w - potCol[c]!);
      if (d >= distCol[c]! || c === own) continue;
      offer(c, d, r, w);
    }
    const dummy = cols + r;
    if (own !== dummy) offer(dummy, dr + (pr - potCol[dummy]!), r, 0);
  }

  function attach(r: number, c: number, w: number) {
    matchCol[r] = c;
    matchW[r] = w;
    prev[r] = -1;
    next[r] = head[c]!;
    if (head[c]! >= 0) prev[head[c]!] = r;
    head[c] = r;
    count[c]!++;
  }

  function detach(r: number) {
    const c = matchCol[r]!;
    if (prev[r]! >= 0) next[prev[r]!] = next[r]!;
    else head[c] = next[r]!;
    if (next[r]! >= 0) prev[next[r]!] = prev[r]!;
    count[c]!--;
  }

  for (let i = 0; i < rows; i++) {
    // A potential for the new row that keeps every reduced cost out of it non-negative.
    let pi = potCol[cols + i]!;
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const v = potCol[colIndex[e]!]! + weightOf(e);
      if (v > pi) pi = v;
    }
    potRow[i] = pi;

    // Fast path: when the row's cheapest column (by reduced cost) has room, the shortest path is
    // that single arc — the common case, taken without a heap. Ties go to a column with room.
    let best = cols + i;
    let bestRc = pi - potCol[best]!;
    let bestW = 0;
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const c = colIndex[e]!;
      const w = weightOf(e);
      const rc = pi - w - potCol[c]!;
      if (rc < bestRc || (rc === bestRc && count[c]! < capOf(c) && count[best]! >= capOf(best))) {
        best = c;
        bestRc = rc;
        bestW = w;
      }
    }
    if (count[best]! < capOf(best)) {
      potRow[i] = pi - bestRc;
      attach(i, best, bestW);
      continue;
    }

    let nVisited = 0;
    let nFinal = 0;
    touched = 0;
    heapSize = 0;
    distRow[i] = 0;
    visitedRows[nVisited++] = i;
    relax(i, 0);
    let terminal = -1;
    while (heapSize > 0) {
      const c = popMin();
      isFinal[c] = 1;
      finalCols[nFinal++] = c;
      if (count[c]! < capOf(c)) {
        terminal = c;
        break;
      }
      const dc = distCol[c]!;
      for (let r = head[c]!; r >= 0; r = next[r]!) {
        const dr = dc + (matchW[r]! + potCol[c]! - potRow[r]!);
        distRow[r] = dr;
        visitedRows[nVisited++] = r;
        relax(r, dr);
      }
    }
    // The row's own unmatched column is always reachable, so a terminal always exists.
    const D = distCol[terminal]!;
    for (let k = 0; k < nFinal; k++) {
      const c = finalCols[k]!;
      potCol[c]! += distCol[c]! - D;
    }
    for (let k = 0; k < nVisited; k++) {
      const r = visitedRows[k]!;
      potRow[r]! += distRow[r]! - D;
    }
    // Augment: walk back from the terminal column, moving each row to the column it reached.
    let c = terminal;
    for (;;) {
      const r = predRow[c]!;
      const from = matchCol[r]!;
      if (from >= 0) detach(r);
      attach(r, c, predW[c]!);
      if (r === i) break;
      c = from;
    }
    for (let k = 0; k < touched; k++) {
      const t = touchedCols[k]!;
      distCol[t] = Number.POSITIVE_INFINITY;
      isFinal[t] = 0;
      heapPos[t] = -1;
    }
  }

  const result = new Int32Array(rows);
  for (let r = 0; r < rows; r++) result[r] = matchCol[r]! < cols ? matchCol[r]! : -1;
  return result;
}
