/**
 * The author of what Tandem itself writes in a pair's space: the first session's agenda, seeded
 * when the series is booked (first-session-agenda.ts). Either member rewrites or deletes it. Its own
 * module, free of imports, so the tab can name it without pulling in the domain.
 */
export const TANDEM_AUTHOR = 'tandem';

/** Whether `personId` may rewrite or delete an agenda item: its author, or anyone for Tandem's. */
export function ownsAgendaItem(item: { authorId: string }, personId: string): boolean {
  return item.authorId === personId || item.authorId === TANDEM_AUTHOR;
}
