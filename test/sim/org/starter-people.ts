import type { SignInPerson } from '../entra/issuer';

/**
 * The handful of Contoso Ibérica people the local sign-in offers before the full demo organisation
 * is generated: an HR programme manager, the external advisor, and employees.
 */
export const STARTER_PEOPLE: SignInPerson[] = [
  {
    id: '6f1c2a10-0000-4000-a000-000000000001',
    displayName: 'Lucía Fernández',
    userPrincipalName: 'lucia.fernandez@contosoiberica.onmicrosoft.com',
    roles: ['Tandem.Admin'],
    department: 'Personas',
    jobTitle: 'Responsable de Talento',
  },
  {
    id: '6f1c2a10-0000-4000-a000-000000000002',
    displayName: 'Elena Rivas',
    userPrincipalName: 'elena.rivas@contosoiberica.onmicrosoft.com',
    roles: ['Tandem.Advisor'],
    department: 'Asesoría externa',
    jobTitle: 'Advisor',
  },
  {
    id: '6f1c2a10-0000-4000-a000-000000000003',
    displayName: 'Marta Gil',
    userPrincipalName: 'marta.gil@contosoiberica.onmicrosoft.com',
    roles: [],
    department: 'Tecnología',
    jobTitle: 'Analista de datos',
  },
  {
    id: '6f1c2a10-0000-4000-a000-000000000004',
    displayName: 'James Whitaker',
    userPrincipalName: 'james.whitaker@contosoiberica.onmicrosoft.com',
    roles: [],
    department: 'Ventas',
    jobTitle: 'Sales Director',
  },
];
