import type { SeededRandom } from './random';

/** Contoso Ibérica's departments; Dirección holds the CEO and their staff. */
export const DEPARTMENTS = [
  'Dirección',
  'Personas',
  'Tecnología',
  'Ventas',
  'Marketing',
  'Operaciones',
  'Finanzas',
  'Legal',
] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const ADVISOR_DEPARTMENT = 'Asesoría externa';

/** Share of the workforce each line department gets (Dirección is the CEO and a few staff). */
const DEPARTMENT_WEIGHTS: readonly (readonly [Exclude<Department, 'Dirección'>, number])[] = [
  ['Tecnología', 30],
  ['Ventas', 20],
  ['Operaciones', 18],
  ['Marketing', 10],
  ['Finanzas', 9],
  ['Personas', 7],
  ['Legal', 4],
];

export const MIN_SPAN = 3;
export const MAX_SPAN = 10;
/** The CEO is level 1; the issue asks for 6–8 levels. */
export const MIN_DEPTH = 6;
export const MAX_DEPTH = 8;
/** Below this the 6-level spine and eight departments no longer fit with spans of 3–10. */
export const MIN_PEOPLE = 80;

export type NodeRole = 'ceo' | 'staff' | 'director' | 'manager' | 'lead' | 'individual' | 'advisor';

export interface OrgNode {
  index: number;
  parent: number;
  level: number;
  department: Department | typeof ADVISOR_DEPARTMENT;
  children: number[];
  role: NodeRole;
  /** Which child of its parent this node is (0-based): names areas and sub-teams. */
  rank: number;
}

/** The positions in the tree the fixed people of the demo take (see starter and story people). */
export interface OrgShape {
  nodes: OrgNode[];
  directors: Record<Exclude<Department, 'Dirección'>, number>;
  advisor: number;
}

/** The largest subtree `levels` levels tall with at most MAX_SPAN reports a manager. */
function capacity(levels: number): number {
  let cap = 1;
  for (let i = 1; i < levels; i++) cap = 1 + MAX_SPAN * cap;
  return cap;
}

/** The smallest subtree that still reaches down `levels` levels with at least MIN_SPAN reports. */
function spineSize(levels: number): number {
  return levels <= 1 ? 1 : 1 + (MIN_SPAN - 1) + spineSize(levels - 1);
}

interface Pending {
  node: number;
  /** People in the subtree, the node included. */
  size: number;
  /** Levels the subtree may use, the node's own included. */
  levels: number;
  /** Levels the subtree must reach (the spine that guarantees MIN_DEPTH), 0 when free. */
  reach: number;
  maxSpan: number;
  /** At least one individual contributor reports directly (the reverse-mentoring story). */
  needsDirectReport: boolean;
  /** At least one report manages others (the story's middle manager), however small the team. */
  needsSubteam: boolean;
}

interface Split {
  managers: number[];
  individuals: number;
}

/** Splits `n` people under one manager into sub-teams (sizes) and direct individual reports. */
function splitReports(random: SeededRandom, job: Pending): Split {
  const n = job.size - 1;
  const childLevels = job.levels - 1;
  const childReach = job.reach > 1 ? job.reach - 1 : 0;
  const cap = capacity(childLevels);
  const maxSpan = job.maxSpan;
  const mayBeOneTeam = childReach <= 1 && !job.needsSubteam;
  if (childLevels === 1 || (n <= maxSpan && mayBeOneTeam && !job.needsDirectReport)) {
    if (n < MIN_SPAN || n > maxSpan) throw new Error(`Cannot seat ${n} people under one manager`);
    return { managers: [], individuals: n };
  }
  // Aim for a roughly even tree that fills the levels left: ~6 people a team at the bottom,
  // branching b above it, so that b^(levels-1) × 6 ≈ n.
  const branching = (n / 6) ** (1 / Math.max(1, childLevels - 1));
  const wanted = Math.round(branching * (0.75 + 0.5 * random.next()));
  const k = Math.min(maxSpan, Math.max(MIN_SPAN, wanted));
  let preferredIndividuals = n > 40 ? (random.chance(0.25) ? 1 : 0) : random.int(0, 2);
  if (job.needsDirectReport) preferredIndividuals = Math.max(1, preferredIndividuals);
  const minIndividuals = job.needsDirectReport ? 1 : 0;
  const mTarget = Math.max(1, k - preferredIndividuals);
  const candidates: number[] = [mTarget];
  for (let m = mTarget + 1; m <= maxSpan; m++) candidates.push(m);
  for (let m = mTarget - 1; m >= 1; m--) candidates.push(m);
  const individualCounts: number[] = [];
  for (let l = preferredIndividuals; l <= maxSpan; l++) individualCounts.push(l);
  for (let l = preferredIndividuals - 1; l >= minIndividuals; l--) individualCounts.push(l);
  for (const m of candidates) {
    for (const l of individualCounts) {
      if (l + m > maxSpan) continue;
      if (l + m < MIN_SPAN) continue;
      const inSubteams = n - l;
      if (inSubteams < 4 * m || inSubteams > cap * m) continue;
      if (childReach > 1 && inSubteams - 4 * (m - 1) < spineSize(childReach)) continue;
      return {
        managers: distribute(random, inSubteams, m, cap, spineSize(childReach)),
        individuals: l,
      };
    }
  }
  if (n <= maxSpan && mayBeOneTeam && n >= MIN_SPAN) return { managers: [], individuals: n };
  throw new Error(`Cannot split ${n} people over ${childLevels} levels`);
}

/** Sizes of `m` sub-teams (each 4..cap, the first at least `first`) adding up to `total`. */
function distribute(
  random: SeededRandom,
  total: number,
  m: number,
  cap: number,
  first: number,
): number[] {
  const sizes = new Array<number>(m).fill(4);
  sizes[0] = Math.max(4, first);
  let extra = total - sizes.reduce((a, b) => a + b, 0);
  const weights = sizes.map(() => 0.5 + random.next());
  while (extra > 0) {
    const open = sizes.map((size, i) => (size < cap ? i : -1)).filter((i) => i >= 0);
    const weightSum = open.reduce((sum, i) => sum + weights[i]!, 0);
    let given = 0;
    for (const i of open) {
      const share = Math.min(cap - sizes[i]!, Math.floor((extra * weights[i]!) / weightSum));
      sizes[i]! += share;
      given += share;
    }
    // Rounding leaves a few people: hand them out one by one to the teams with room.
    for (let j = 0; given < extra && j < open.length; j++) {
      const i = open[j]!;
      if (sizes[i]! < cap) {
        sizes[i]! += 1;
        given += 1;
      }
    }
    extra -= given;
  }
  return sizes;
}

function departmentSizes(total: number): Record<Exclude<Department, 'Dirección'>, number> {
  const weightSum = DEPARTMENT_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const sizes = {} as Record<Exclude<Department, 'Dirección'>, number>;
  let assigned = 0;
  for (const [department, weight] of DEPARTMENT_WEIGHTS) {
    // Marketing needs room for the story's line: director, a manager, a junior and their peers.
    const least = department === 'Marketing' ? 8 : 5;
    sizes[department] = Math.max(least, Math.floor((total * weight) / weightSum));
    assigned += sizes[department];
  }
  sizes.Tecnología += total - assigned;
  return sizes;
}

/**
 * The reporting tree: CEO, a director per department, then sub-teams down to individual
 * contributors, 6–8 levels deep with spans of 3–10. Nodes are numbered level by level, so the
 * directory lists the top of the company first.
 */
export function buildOrgShape(random: SeededRandom, people: number): OrgShape {
  if (!Number.isInteger(people) || people < MIN_PEOPLE)
    throw new RangeError(`The demo organisation needs at least ${MIN_PEOPLE} people`);
  const nodes: OrgNode[] = [];
  const add = (parent: number, department: OrgNode['department'], role: NodeRole): number => {
    const index = nodes.length;
    const level = parent < 0 ? 1 : nodes[parent]!.level + 1;
    const rank = parent < 0 ? 0 : nodes[parent]!.children.length;
    nodes.push({ index, parent, level, department, children: [], role, rank });
    if (parent >= 0) nodes[parent]!.children.push(index);
    return index;
  };
  const ceo = add(-1, 'Dirección', 'ceo');
  const staff = people >= 1000 ? 3 : 2;
  const sizes = departmentSizes(people - 1 - staff - 1);
  const directors = {} as OrgShape['directors'];
  const queue: Pending[] = [];
  for (const [department] of DEPARTMENT_WEIGHTS) {
    const director = add(ceo, department, 'director');
    directors[department] = director;
    queue.push({
      node: director,
      size: sizes[department],
      // Mid-sized organisations stop at 7 levels so teams stay wider than the minimum span.
      levels: (people < 3000 ? MAX_DEPTH - 1 : MAX_DEPTH) - 1,
      // The largest department carries the spine that makes the tree at least MIN_DEPTH deep.
      reach: department === 'Tecnología' ? MIN_DEPTH - 1 : 0,
      // One seat under Personas' director is kept for the external advisor.
      maxSpan: department === 'Personas' ? MAX_SPAN - 1 : MAX_SPAN,
      needsDirectReport: false,
      needsSubteam: department === 'Marketing',
    });
  }
  for (let i = 0; i < staff; i++) add(ceo, 'Dirección', 'staff');
  const advisor = -1;
  for (let at = 0; at < queue.length; at++) {
    const job = queue[at]!;
    const department = nodes[job.node]!.department;
    const split = splitReports(random, job);
    split.managers.forEach((size, i) => {
      const child = add(job.node, department, 'manager');
      queue.push({
        node: child,
        size,
        levels: job.levels - 1,
        reach: i === 0 && job.reach > 1 ? job.reach - 1 : 0,
        maxSpan: MAX_SPAN,
        // Marketing's first manager has a direct junior report: the reverse-mentoring story.
        needsDirectReport: i === 0 && job.node === directors.Marketing,
        needsSubteam: false,
      });
    });
    for (let i = 0; i < split.individuals; i++) add(job.node, department, 'individual');
  }
  const shape: OrgShape = { nodes, directors, advisor };
  shape.advisor = add(directors.Personas, ADVISOR_DEPARTMENT, 'advisor');
  for (const node of nodes) {
    if (node.role === 'manager' && node.children.every((c) => nodes[c]!.children.length === 0))
      node.role = 'lead';
  }
  return shape;
}
