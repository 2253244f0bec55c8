/**
 * PRODUCT rule 1 — no reporting line inside a pair. Management chains are read from manager ids
 * (the directory snapshot). Directory data can be messy: a chain ends at a missing or unknown manager,
 * or where it would repeat (a cycle); it never loops.
 */

export type HierarchyRule = 'chain' | 'directManager';

export interface OrgPerson {
  id: string;
  managerId?: string | null;
  displayName?: string;
}

export interface OrgChart {
  /** Managers above `id`, nearest first, excluding `id`; stops at unknown ids and cycles. */
  chainOf(id: string): readonly string[];
  /** Levels below the top of the chain (0 = nobody above). */
  depthOf(id: string): number;
  nameOf(id: string): string;
  has(id: string): boolean;
}

/** Builds an org chart from people and their manager ids, memoising each chain once. */
export function buildOrgChart(people: readonly OrgPerson[]): OrgChart {
  const manager = new Map<string, string | null>();
  for (const p of people) manager.set(p.id, p.managerId ?? null);
  // Names are read only to describe a reporting line: gathered the first time one is.
  let names: Map<string, string> | undefined;
  const nameOf = (id: string) => {
    names ??= new Map(people.map((p) => [p.id, p.displayName ?? p.id]));
    return names.get(id) ?? id;
  };
  const chains = new Map<string, readonly string[]>();

  function chainOf(id: string): readonly string[] {
    const known = chains.get(id);
    if (known) return known;
    const chain: string[] = [];
    // Chains are short: a look along the chain so far finds a repeat without a set per person,
    // until a chain grows long enough (bad data) for a set to pay.
    let seen: Set<string> | undefined;
    const repeats = (who: string) => who === id || (seen ? seen.has(who) : chain.includes(who));
    let current = manager.get(id) ?? null;
    while (current !== null && manager.has(current) && !repeats(current)) {
      chain.push(current);
      if (seen) seen.add(current);
      else if (chain.length === 32) seen = new Set(chain);
      current = manager.get(current) ?? null;
    }
    chains.set(id, chain);
    return chain;
  }

  return {
    chainOf,
    depthOf: (id) => chainOf(id).length,
    nameOf,
    has: (id) => manager.has(id),
  };
}

/** The reporting line between two people, from the junior up to the senior: ids, both included. */
export type ReportingLine = readonly string[];

/**
 * Returns the reporting line that forbids pairing `a` with `b` under `rule`, or null when the pair
 * is allowed. `chain`: neither is anywhere above the other. `directManager`: neither is the other's
 * direct manager.
 */
export function findReportingLine(
  org: OrgChart,
  a: string,
  b: string,
  rule: HierarchyRule,
): ReportingLine | null {
  return lineUp(org, a, b, rule) ?? lineUp(org, b, a, rule);
}

function lineUp(org: OrgChart, junior: string, senior: string, rule: HierarchyRule) {
  const chain = org.chainOf(junior);
  const limit = rule === 'directManager' ? Math.min(1, chain.length) : chain.length;
  for (let i = 0; i < limit; i++) {
    if (chain[i] === senior) return [junior, ...chain.slice(0, i + 1)];
  }
  return null;
}

/** "Marta → Luis → Ana": a reporting line in people's names, junior first. */
export function describeReportingLine(org: OrgChart, line: ReportingLine): string {
  return line.map((id) => org.nameOf(id)).join(' → ');
}
