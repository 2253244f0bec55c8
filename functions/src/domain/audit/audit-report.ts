import { LIST_SEPARATORS, USUAL_SEPARATOR } from '../progress/list-separator';
import { localDateTime, type ReportReader, type ReportTable } from '../progress/report';
import type { AuditAction, AuditDetails, AuditEntry } from './audit';

/** The audit export's words, in the reader's language (the tab's screen uses its catalogues). */
const WORDS = {
  es: {
    when: (zone: string) => `Cuándo (${zone})`,
    who: 'Quién',
    action: 'Acción',
    details: 'Detalle',
    actions: {
      created: 'Creó el programa',
      settingsChanged: 'Cambió la configuración',
      statusChanged: 'Cambió el estado',
      promoted: 'Promovió el piloto',
      cloned: 'Clonó para la siguiente promoción',
      deleted: 'Eliminó el borrador',
      archived: 'Archivó el programa',
      approved: 'Aprobó a una mentora o mentor',
      rejected: 'Rechazó una solicitud',
      locked: 'Fijó una propuesta',
      unlocked: 'Liberó una propuesta',
      swapped: 'Intercambió mentores',
      confirmed: 'Confirmó parejas',
      waitingListed: 'Puso a una persona mentorizada en la lista de espera',
      pairedByHand: 'Emparejó a dos personas a mano',
      capacityChanged: 'Cambió la capacidad de una persona mentora',
    },
  },
  en: {
    when: (zone: string) => `When (${zone})`,
    who: 'Who',
    action: 'Action',
    details: 'Details',
    actions: {
      created: 'Created the programme',
      settingsChanged: 'Changed settings',
      statusChanged: 'Changed the status',
      promoted: 'Promoted the pilot',
      cloned: 'Cloned for the next cohort',
      deleted: 'Deleted the draft',
      archived: 'Archived the programme',
      approved: 'Approved a mentor',
      rejected: 'Rejected an application',
      locked: 'Locked a proposal',
      unlocked: 'Unlocked a proposal',
      swapped: 'Swapped mentors',
      confirmed: 'Confirmed pairs',
      waitingListed: 'Put a mentee on the waiting list',
      pairedByHand: 'Paired two people by hand',
      capacityChanged: "Changed a mentor's capacity",
    },
  },
} satisfies Record<
  ReportReader['language'],
  {
    when: (zone: string) => string;
    who: string;
    action: string;
    details: string;
    actions: Record<AuditAction, string>;
  }
>;

/** An entry's details in one cell: `key: value`, lists joined, in a stable order. */
export function detailsText(details: AuditDetails): string {
  return Object.keys(details)
    .sort()
    .map((key) => {
      const value = details[key];
      return `${key}: ${Array.isArray(value) ? value.join(' ') : String(value)}`;
    })
    .join('; ');
}

/** The trail as a spreadsheet, oldest first, times in the reader's zone. */
export function auditRows(entries: readonly AuditEntry[], reader: ReportReader): ReportTable {
  const words = WORDS[reader.language];
  const rows = [
    [words.when(reader.timeZone), words.who, words.action, words.details],
    ...entries.map((e) => [
      localDateTime(e.at, reader.timeZone),
      e.by.name,
      words.actions[e.action],
      detailsText(e.details),
    ]),
  ];
  return {
    rows,
    separator: reader.separator ?? LIST_SEPARATORS[USUAL_SEPARATOR[reader.language]],
  };
}
