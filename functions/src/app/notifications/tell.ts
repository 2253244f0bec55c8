import {
  type Moment,
  momentOn,
  type NoticeFacts,
  type NoticeLanguage,
  noticeKey,
  noticeLanguage,
  noticeWords,
} from '../../domain/notifications/notices';
import type { Programme } from '../../domain/programme/programme';
import type { DirectorySnapshot } from '../../ports/directory';
import type { ActivityNotice, ActivityType } from '../../ports/notifications';
import type { NewOutboxEntry, Outbox } from '../../ports/outbox';

/** The domain's moments are exactly the port's activity types (the manifest's). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const momentsAreActivityTypes: Same<Moment, ActivityType> = true;
void momentsAreActivityTypes;

/** What telling people needs: the outbox, and the directory for each person's language. */
export interface TellPorts {
  outbox: Pick<Outbox, 'add'>;
  directory: Pick<DirectorySnapshot, 'get'>;
  now(): Date;
}

/** The programme as a notice needs it: its switches, name (the topic line) and language. */
export type NoticeProgramme = Pick<Programme, 'id' | 'name' | 'notifications' | 'language'>;

export interface Telling<M extends Moment> {
  moment: M;
  /** Entra object ids of the people to tell. */
  to: readonly string[];
  /** What the notice is about (a pair id, an application…): with the moment and person, its key. */
  subject: string;
  /** The tab's route the notice opens (its `subEntityId`): `pairs/<id>`, `programmes/<id>`… */
  page: string;
  /** The facts its words are made of; by recipient when each reads different ones (a partner). */
  facts: NoticeFacts[M] | ((recipientId: string) => NoticeFacts[M]);
}

/**
 * A use case's "tell them" step (docs/notifications.md): one outbox entry per person, in their
 * language, opening `page`, unless HR switched the moment off for the programme. Safe to run
 * again: each entry's key is the moment, the subject and the person, and the outbox stores a key
 * once. Nothing is sent here; the sender job does that.
 */
export async function tell<M extends Moment>(
  ports: TellPorts,
  programme: NoticeProgramme,
  telling: Telling<M>,
): Promise<void> {
  if (!momentOn(programme, telling.moment)) return;
  const people = [...new Set(telling.to)];
  const entries = await Promise.all(
    people.map(async (recipientId): Promise<NewOutboxEntry> => {
      const person = await ports.directory.get(recipientId);
      const language: NoticeLanguage = noticeLanguage(
        person?.preferredLanguage,
        programme.language,
      );
      const facts =
        typeof telling.facts === 'function' ? telling.facts(recipientId) : telling.facts;
      const words = noticeWords(telling.moment, facts, language);
      const notice = {
        recipientId,
        activityType: telling.moment,
        templateParameters: words.parameters,
        target: { subEntityId: telling.page, label: programme.name },
        previewText: words.preview,
        idempotencyKey: noticeKey(telling.moment, telling.subject, recipientId),
      } as ActivityNotice;
      return { programmeId: programme.id, notice };
    }),
  );
  if (entries.length > 0) await ports.outbox.add(entries, ports.now());
}
