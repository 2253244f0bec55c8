/**
 * Teams activity feed notices, as the use cases will hand them to the sender job
 * (docs/notifications.md). Plain values only: who, which moment, the template's values, where the
 * notice leads, and the preview already in the recipient's language. The Graph adapter
 * (adapters/graph/activity-feed.ts) turns them into Graph's requests.
 */

/**
 * Every activity type Tandem declares in appPackage/manifest.json (`activities.activityTypes`),
 * with the `{parameters}` its templateText names besides `{actor}` (Teams fills that one with the
 * app's name). test/integration/notifications/activity-feed.test.ts holds this to the manifest.
 */
export const ACTIVITY_PARAMETERS = {
  applicationReceived: ['programme'],
  applicationApproved: ['programme'],
  applicationNotSelected: ['programme'],
  paired: ['firstSession', 'partner', 'programme'],
  notPaired: ['programme'],
  waitingList: ['programme'],
  seriesBooked: ['partner', 'sessions'],
  sessionMoved: ['date', 'newDate', 'person'],
  sessionCancelled: ['date', 'person'],
  feedbackDue: ['date', 'partner'],
  evaluationOpen: ['programme'],
  callOpen: ['deadline', 'programme'],
  pairDeclined: ['person', 'programme'],
  bookingFailed: ['programme', 'reason'],
  pairsAtRisk: ['count', 'programme'],
} as const satisfies Record<string, readonly string[]>;

export type ActivityType = keyof typeof ACTIVITY_PARAMETERS;

/**
 * The values an activity type's template needs, each already in the recipient's language (for a
 * union of types, the values of one of them).
 */
export type TemplateParameters<T extends ActivityType> = T extends ActivityType
  ? { readonly [K in (typeof ACTIVITY_PARAMETERS)[T][number]]: string }
  : never;

/**
 * Where the notice leads: the personal tab opened at `subEntityId` (the tab's own route, e.g.
 * `pairs/<id>` or `programmes/<id>/evaluation`), under a topic line `label` (the recipient's
 * language: the programme's or the pair's name).
 */
export interface DeepLinkTarget {
  subEntityId: string;
  label: string;
}

interface NoticeContent<T extends ActivityType> {
  activityType: T;
  templateParameters: TemplateParameters<T>;
  target: DeepLinkTarget;
  /**
   * The line under the title, in the recipient's language (directory `preferredLanguage`, else the
   * programme's). Teams shows its first 150 characters.
   */
  previewText: string;
  /**
   * The outbox entry's key. Sent again (a retry after a lost answer, a restarted worker) the notice
   * replaces the one already in the feed instead of adding a second (Graph's `chainId`).
   */
  idempotencyKey: string;
}

/** One notice to one person (Entra object id). */
export type ActivityNotice<T extends ActivityType = ActivityType> = NoticeContent<T> & {
  recipientId: string;
};

/** The same notice, same language, to many people (a call opening): batched by the adapter. */
export type ActivityBroadcast<T extends ActivityType = ActivityType> = NoticeContent<T> & {
  recipientIds: readonly string[];
};

/**
 * Why Graph refused a notice for good (retrying would not help): the app is not installed for the
 * person (`notInstalled`), the app may not send to them (`notPermitted`: no consent on their
 * installation), or the request itself is wrong (`invalid`: an undeclared type, parameters that do
 * not match the template). The sender job marks the outbox entry with the reason for HR.
 */
export class NoticeRefusedError extends Error {
  constructor(
    readonly reason: 'notInstalled' | 'notPermitted' | 'invalid',
    readonly recipientId: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NoticeRefusedError';
  }
}

export interface BroadcastResult {
  /** Taken by Graph (the bulk call answers 202: delivery happens after). */
  accepted: string[];
  /** Refused one by one, when the bulk call could not be used and each was sent alone. */
  refused: { recipientId: string; reason: NoticeRefusedError['reason'] }[];
}

/**
 * Sends activity feed notices. Both throw ThrottledError (ports/throttled.ts) when Graph asks to
 * wait longer than a request sleeps in place: the job keeps the entries for the wait.
 */
export interface NotificationPort {
  /** One notice; NoticeRefusedError when Graph refuses it for good. */
  send<T extends ActivityType>(notice: ActivityNotice<T>): Promise<void>;
  /** One notice to many, in batches Graph allows; NoticeRefusedError(`invalid`) for a bad one. */
  broadcast<T extends ActivityType>(notice: ActivityBroadcast<T>): Promise<BroadcastResult>;
}
