import { describe, expect, it } from 'vitest';
import type { DirectoryPerson } from '../../ports/directory';
import { peopleMatching } from './people-search';

const person = (
  id: string,
  displayName: string,
  department: string | null,
  jobTitle: string | null,
  accountEnabled = true,
): DirectoryPerson => ({
  id,
  displayName,
  department,
  jobTitle,
  accountEnabled,
  mail: null,
  userPrincipalName: null,
  managerId: null,
  officeLocation: null,
  preferredLanguage: null,
});

const people = [
  person('1', 'Lucía Fernández', 'Recursos Humanos', 'Directora de personas'),
  person('2', 'Marta Gil', 'Tecnología', 'Ingeniera cloud'),
  person('3', 'James Whitaker', 'Ventas', 'Sales Director'),
  person('4', 'Marta Gone', 'Tecnología', 'Ingeniera', false),
];
const ids = (q: string, limit = 50) => peopleMatching(people, q, limit).map((p) => p.id);

describe('HR’s people search over the directory snapshot', () => {
  it('finds by name, department or title, without case or accents, every word', () => {
    expect(ids('lucia')).toEqual(['1']);
    expect(ids('TECNOLOGIA')).toEqual(['2']);
    expect(ids('director')).toEqual(['3', '1']);
    expect(ids('marta cloud')).toEqual(['2']);
    expect(ids('marta ventas')).toEqual([]);
  });

  it('leaves out disabled accounts, sorts by name and stops at the limit', () => {
    expect(ids('')).toEqual(['3', '1', '2']);
    expect(ids('', 2)).toEqual(['3', '1']);
  });
});
