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
  /** kinds × cols, row-major: an edge's score + 1, or 0 for no edge (nothing needs filling). */
  kindScore: Int32Array;
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
  const kindScore = new Int32Array(firsts.length * cols);
  firsts.forEach((r, k) => {
    for (let e = rowStart[r]!, end = rowStart[r + 1]!; e < end; e++) {
      kindScore[k * cols + colIndex[e]!] = score[e]! + 1;
    }
  });
  return {
    rows,
    cols,
    capacity: p.capacity,
    kinds: firsts.length,
    kindScore,
    rowKind,
    blockedStart: new Int32Array(rows + 1),
    blockedCol: new Int32Array(0),
    scale: p.scale,
    bias: p.bias,
  };
}

/** Where a row sits while it is in its private "unmatched" column. */
const UNMATCHED = -2;

/**
 * The dense form of solve.ts's solver: the same successive shortest augmenting paths with
 * potentials, the same private "unmatched" column per row, the same exactness — on a score matrix.
 * Dijkstra runs Jonker–Volgenant style, without a heap: the columns not yet reached sit in one
 * list, every column at the current smallest distance is moved to the front together (scores take
 * few distinct values, so ties are many), and a scanned row updates the remaining columns in one
 * linear pass over its row of the matrix. It stops at the first column with room, or at a row's
 * unmatched column, at the smallest distance.
 */
export function solveDense(p: DenseAssignmentProblem): Int32Array {
  const { rows, cols, capacity, kindScore: S, rowKind, blockedStart, blockedCol, scale } = p;
  // Weights are formed on the fly as (score + 1) × scale + bias − scale.
  const bias = p.bias - scale;
  const potCol = new Float64Array(cols);
  const potUnmatched = new Float64Array(rows);
  const potRow = new Float64Array(rows);
  const matchCol = new Int32Array(rows).fill(-1);
  const matchW = new Float64Array(rows);
  // Rows held by each column: a doubly linked list through the rows.
  const head = new Int32Array(cols).fill(-1);
  const next = new Int32Array(rows).fill(-1);
  const prev = new Int32Array(rows).fill(-1);
  const count = new Int32Array(cols);

  const dist = new Float64Array(cols);
  const pred = new Int32Array(cols);
  // Columns: [0, low) scanned, [low, up) at the current smallest distance, [up, cols) the rest.
  const list = new Int32Array(cols);
  const distRow = new Float64Array(rows);
  const visited = new Int32Array(rows);
  // Rows with the same edges reach every column at the same cost plus their own offset
  // (distance + potential): once one is scanned, a later one scanned from a higher offset cannot
  // shorten any path, and its pass over the columns is skipped. Tandem's dense pools are mostly
  // such rows. A row with blocked columns is a kind of its own here.
  const kind = Int32Array.from(rowKind, (k, r) =>
    blockedStart[r + 1]! > blockedStart[r]! ? p.kinds + r : k,
  );
  const kindOffset = new Float64Array(p.kinds + rows).fill(Number.POSITIVE_INFINITY);
  const touchedKinds = new Int32Array(rows);
  // Blocked columns of the row being read, stamped with its number + 1.
  const blockedBy = new Int32Array(cols);
  const stampBlocked = (r: number) => {
    for (let e = blockedStart[r]!, end = blockedStart[r + 1]!; e < end; e++) {
      blockedBy[blockedCol[e]!] = r + 1;
    }
    return blockedStart[r + 1]! > blockedStart[r]!;
  };

  function attach(r: number, c: number) {
    matchCol[r] = c;
    matchW[r] = S[rowKind[r]! * cols + c]! * scale + bias;
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
    const base = rowKind[i]! * cols;
    const blocked = stampBlocked(i);
    // The row's potential is its best (column potential + weight), which keeps every reduced cost
    // out of it non-negative; when that best column has room, the shortest path is that one arc.
    // The unmatched column comes first and a real one must beat it, or tie it with room while
    // it has none, as in solve.ts.
    let best = -1;
    let bestT = potUnmatched[i]!;
    let bestFree = true;
    for (let c = 0; c < cols; c++) {
      const s = S[base + c]!;
      if (s === 0 || (blocked && blockedBy[c] === i + 1)) continue;
      const t = potCol[c]! + (s * scale + bias);
      if (t > bestT || (t === bestT && !bestFree && count[c]! < capacity[c]!)) {
        best = c;
        bestT = t;
        bestFree = count[c]! < capacity[c]!;
      }
    }
    const pi = bestT;
    potRow[i] = pi;
    if (bestFree) {
      if (best < 0) matchCol[i] = UNMATCHED;
      else attach(i, best);
      continue;
    }

    for (let c = 0; c < cols; c++) {
      list[c] = c;
      pred[c] = i;
      const s = S[base + c]!;
      dist[c] =
        s === 0 || (blocked && blockedBy[c] === i + 1)
          ? Number.POSITIVE_INFINITY
          : pi - (s * scale + bias) - potCol[c]!;
    }
    let nVisited = 0;
    distRow[i] = 0;
    visited[nVisited++] = i;
    let nKinds = 0;
    kindOffset[kind[i]!] = pi;
    touchedKinds[nKinds++] = kind[i]!;
    // The best unmatched column reached so far (always free: a row reached through a real column
    // is not in its own unmatched column).
    let unmatchedDist = pi - potUnmatched[i]!;
    let unmatchedRow = i;
    let low = 0;
    let up = 0;
    let min = 0;
    let terminal = -1; // a real column, or -1 for unmatchedRow's unmatched column
    search: for (;;) {
      if (low === up) {
        min = Number.POSITIVE_INFINITY;
        for (let k = up; k < cols; k++) {
          const c = list[k]!;
          const h = dist[c]!;
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            list[k] = list[up]!;
            list[up++] = c;
          }
        }
        if (unmatchedDist < min) {
          min = unmatchedDist;
          break;
        }
        for (let k = low; k < up; k++) {
          const c = list[k]!;
          if (count[c]! < capacity[c]!) {
            terminal = c;
            break search;
          }
        }
        if (unmatchedDist === min) break;
      }
      const c1 = list[low++]!;
      for (let r = head[c1]!; r >= 0; r = next[r]!) {
        const dr = min + (matchW[r]! + potCol[c1]! - potRow[r]!);
        distRow[r] = dr;
        visited[nVisited++] = r;
        const pr = potRow[r]!;
        const toUnmatched = dr + pr - potUnmatched[r]!;
        if (toUnmatched < unmatchedDist) {
          unmatchedDist = toUnmatched;
          unmatchedRow = r;
          if (toUnmatched === min) break search;
        }
        const offset = dr + pr;
        const rk = kind[r]!;
        if (offset >= kindOffset[rk]!) continue;
        if (kindOffset[rk] === Number.POSITIVE_INFINITY) touchedKinds[nKinds++] = rk;
        kindOffset[rk] = offset;
        const rbase = rowKind[r]! * cols;
        const rBlocked = stampBlocked(r);
        for (let k = up; k < cols; k++) {
          const c = list[k]!;
          const s = S[rbase + c]!;
          if (s === 0 || (rBlocked && blockedBy[c] === r + 1)) continue;
          const v = offset - (s * scale + bias) - potCol[c]!;
          if (v < dist[c]!) {
            dist[c] = v;
            pred[c] = r;
            if (v === min) {
              if (count[c]! < capacity[c]!) {
                terminal = c;
                break search;
              }
              list[k] = list[up]!;
              list[up++] = c;
            }
          }
        }
      }
    }
    for (let k = 0; k < nKinds; k++) kindOffset[touchedKinds[k]!] = Number.POSITIVE_INFINITY;

    const D = min;
    for (let k = 0; k < low; k++) {
      const c = list[k]!;
      potCol[c]! += dist[c]! - D;
    }
    for (let k = 0; k < nVisited; k++) {
      const r = visited[k]!;
      potRow[r]! += distRow[r]! - D;
    }
    // Augment: walk back from the terminal, moving each row to the column it reached.
    let c = terminal;
    if (c < 0) {
      const r = unmatchedRow;
      c = matchCol[r]!;
      if (c >= 0) detach(r);
      matchCol[r] = UNMATCHED;
      matchW[r] = 0;
      if (r === i) continue;
    }
    for (;;) {
      const r = pred[c]!;
      const from = matchCol[r]!;
      if (from >= 0) detach(r);
      attach(r, c);
      if (r === i) break;
      c = from;
    }
  }

  const result = new Int32Array(rows);
  for (let r = 0; r < rows; r++) result[r] = matchCol[r]! >= 0 ? matchCol[r]! : -1;
  return result;
}
