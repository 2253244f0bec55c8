import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrgChart, describeReportingLine, findReportingLine } from './hierarchy';

// A slice of a company: Ana (CEO) → Luis (director) → Marta (analyst); Pedro is Luis's peer.
const people = [
  { id: 'ana', displayName: 'Ana', managerId: null },
  { id: 'luis', displayName: 'Luis', managerId: 'ana' },
  { id: 'pedro', displayName: 'Pedro', managerId: 'ana' },
  { id: 'marta', displayName: 'Marta', managerId: 'luis' },
  { id: 'sofia', displayName: 'Sofía', managerId: 'pedro' },
];
const org = buildOrgChart(people);

describe('management chains', () => {
  it('lists the managers above someone, nearest first', () => {
    expect(org.chainOf('marta')).toEqual(['luis', 'ana']);
    expect(org.depthOf('marta')).toBe(2);
    expect(org.chainOf('ana')).toEqual([]);
  });

  it('ends a chain at an unknown manager id', () => {
    const messy = buildOrgChart([{ id: 'x', managerId: 'ghost' }]);
    expect(messy.chainOf('x')).toEqual([]);
  });

  it('ends a chain where it would repeat, on a cycle', () => {
    const cyclic = buildOrgChart([
      { id: 'a', managerId: 'b' },
      { id: 'b', managerId: 'c' },
      { id: 'c', managerId: 'a' },
    ]);
    expect(cyclic.chainOf('a')).toEqual(['b', 'c']);
    expect(findReportingLine(cyclic, 'a', 'c', 'chain')).toEqual(['a', 'b', 'c']);
  });

  it('never loops or throws on any manager data', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 30 }), fc.option(fc.integer({ min: 0, max: 40 }))),
        ),
        (rows) => {
          const chart = buildOrgChart(
            rows.map(([id, manager]) => ({
              id: `p${id}`,
              managerId: manager === null ? null : `p${manager}`,
            })),
          );
          for (const [id] of rows) {
            const chain = chart.chainOf(`p${id}`);
            expect(new Set(chain).size).toBe(chain.length);
            expect(chain).not.toContain(`p${id}`);
          }
        },
      ),
    );
  });
});

describe('PRODUCT rule 1: no reporting line inside a pair', () => {
  it('refuses the mentee’s manager’s manager under the chain rule, naming the line', () => {
    const line = findReportingLine(org, 'marta', 'ana', 'chain');
    expect(line).toEqual(['marta', 'luis', 'ana']);
    expect(describeReportingLine(org, line!)).toBe('Marta → Luis → Ana');
  });

  it('refuses in either direction: a reverse mentor who is the mentee’s report', () => {
    expect(findReportingLine(org, 'ana', 'marta', 'chain')).toEqual(['marta', 'luis', 'ana']);
  });

  it('allows the skip-level under the direct-manager rule, but not the manager', () => {
    expect(findReportingLine(org, 'marta', 'ana', 'directManager')).toBeNull();
    expect(findReportingLine(org, 'marta', 'luis', 'directManager')).toEqual(['marta', 'luis']);
  });

  it('allows people in parallel branches and peers', () => {
    expect(findReportingLine(org, 'marta', 'pedro', 'chain')).toBeNull();
    expect(findReportingLine(org, 'marta', 'sofia', 'chain')).toBeNull();
    expect(findReportingLine(org, 'luis', 'pedro', 'chain')).toBeNull();
  });
});
