import type { DirectoryPerson } from '../../ports/directory';

/** Folds case and accents, so "lucia" finds "Lucía" and "tecnologia" finds "Tecnología". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('en');

/**
 * The people of the directory snapshot an HR picker offers for `query`: every word of it found
 * in their name, department or job title; enabled accounts only; by name; at most `limit`.
 */
export function peopleMatching(
  people: readonly DirectoryPerson[],
  query: string,
  limit: number,
): ReturnType<typeof choice>[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return people
    .filter((p) => p.accountEnabled)
    .filter((p) => {
      const haystack = fold([p.displayName, p.department ?? '', p.jobTitle ?? ''].join(' '));
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, limit)
    .map(choice);
}

/** A person as a picker offers them: name, department and title. */
function choice(p: DirectoryPerson) {
  return { id: p.id, name: p.displayName, department: p.department, jobTitle: p.jobTitle };
}

/** People as a picker names them, in the order given. */
export function choices(people: readonly DirectoryPerson[]) {
  return people.map(choice);
}
