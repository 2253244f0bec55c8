import type { SignInPerson } from '../entra/issuer';

/**
 * The reverse-mentoring story of the demo (PRODUCT: "junior profiles mentor senior executives"):
 * Lucía Gómez, a junior digital marketer, reports to Raúl Prieto, who reports to Javier Ortega,
 * Marketing's director. Javier may be mentored by a junior from another team, never by Lucía or
 * Raúl (PRODUCT rule 1: no reporting line inside a pair, in either direction).
 */
export const STORY_PEOPLE: SignInPerson[] = [
  {
    id: '6f1c2a10-0000-4000-a000-000000000005',
    displayName: 'Javier Ortega',
    userPrincipalName: 'javier.ortega@contosoiberica.onmicrosoft.com',
    roles: [],
    department: 'Marketing',
    jobTitle: 'Director de Marketing',
  },
  {
    id: '6f1c2a10-0000-4000-a000-000000000006',
    displayName: 'Raúl Prieto',
    userPrincipalName: 'raul.prieto@contosoiberica.onmicrosoft.com',
    roles: [],
    department: 'Marketing',
    jobTitle: 'Gerente de Marketing Digital',
  },
  {
    id: '6f1c2a10-0000-4000-a000-000000000007',
    displayName: 'Lucía Gómez',
    userPrincipalName: 'lucia.gomez@contosoiberica.onmicrosoft.com',
    roles: [],
    department: 'Marketing',
    jobTitle: 'Especialista en redes sociales júnior',
  },
];
