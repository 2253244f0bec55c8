import { createHash } from 'node:crypto';
import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import {
  type ActivityBroadcast,
  type ActivityNotice,
  type ActivityType,
  type BroadcastResult,
  NoticeRefusedError,
  type NotificationPort,
} from '../../ports/notifications';
import { ThrottledError } from '../../ports/throttled';
import { throttledFor } from './throttling';

/**
 * Teams activity feed notices through Graph, app-only with `TeamsActivity.Send.User` granted by
 * resource-specific consent on each person's installation of Tandem's Teams app
 * (docs/notifications.md):
 *
 * - one person: `POST /users/{id}/teamwork/sendActivityNotification`, 204
 *   (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification);
 * - many: `POST /teamwork/sendActivityNotificationToRecipients`, 202, "an upper limit of 100
 *   recipients in a single request", and a token "at least 45 minutes away from expiry" or 412
 *   (https://learn.microsoft.com/graph/api/teamwork-sendactivitynotificationtorecipients). The
 *   client's cached token may be closer to expiry than that: on 412 each is sent alone, as on a
 *   403/404 that may concern only some of the batch.
 *
 * The topic is `text` with the Teams deep link as `webUrl` ("webUrl is required when using topic
 * source as text", and it "must start with the Microsoft Teams domain":
 * https://learn.microsoft.com/graph/teams-send-activityfeednotifications), the personal tab opened at
 * the notice's `subEntityId`
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 * `chainId`, derived from the outbox key, makes a repeated send replace the notice already in the
 * feed ("Use the same chainId in subsequent requests to override the previous notification").
 */

/** "There is an upper limit of 100 recipients in a single request." */
export const MAX_RECIPIENTS = 100;

/** A positive Int64 (below 2^48, safe in JavaScript) stable for the outbox entry's key. */
export function chainIdFor(idempotencyKey: string): number {
  return Number.parseInt(
    createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 12),
    16,
  );
}

/** The personal tab at `subEntityId`, as invitations link into Teams (compose.ts pairLink). */
export function teamsDeepLink(teamsAppId: string, subEntityId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/home?context=${context}`;
}

export function graphActivityFeed(
  client: Client,
  options: { teamsAppId: string },
): NotificationPort {
  const user = (id: string) => `/users/${encodeURIComponent(id)}`;

  function body<T extends ActivityType>(notice: ActivityBroadcast<T> | ActivityNotice<T>) {
    return {
      topic: {
        source: 'text',
        value: notice.target.label,
        webUrl: teamsDeepLink(options.teamsAppId, notice.target.subEntityId),
      },
      activityType: notice.activityType,
      chainId: chainIdFor(notice.idempotencyKey),
      previewText: { content: notice.previewText },
      templateParameters: Object.entries(notice.templateParameters).map(([name, value]) => ({
        name,
        value,
      })),
    };
  }

  /** Graph's answer in the port's words: a wait, a refusal for good, or the error as it is. */
  function translate(error: unknown, recipientId: string | undefined): unknown {
    const wait = throttledFor(error);
    if (wait !== undefined) return new ThrottledError(wait, { cause: error });
    if (!(error instanceof GraphError)) return error;
    // The pages name no status for a recipient without the app; the simulator tries 404 and 403.
    if (error.statusCode === 404)
      return new NoticeRefusedError('notInstalled', recipientId, error.message, { cause: error });
    if (error.statusCode === 403)
      return new NoticeRefusedError('notPermitted', recipientId, error.message, { cause: error });
    if (error.statusCode === 400)
      return new NoticeRefusedError('invalid', recipientId, error.message, { cause: error });
    return error;
  }

  async function send<T extends ActivityType>(notice: ActivityNotice<T>): Promise<void> {
    try {
      await client
        .api(`${user(notice.recipientId)}/teamwork/sendActivityNotification`)
        .post(body(notice));
    } catch (error) {
      throw translate(error, notice.recipientId);
    }
  }

  async function oneByOne<T extends ActivityType>(
    notice: ActivityBroadcast<T>,
    recipientIds: readonly string[],
    result: BroadcastResult,
  ): Promise<void> {
    for (const recipientId of recipientIds) {
      try {
        await send({ ...notice, recipientId });
        result.accepted.push(recipientId);
      } catch (error) {
        if (!(error instanceof NoticeRefusedError) || error.reason === 'invalid') throw error;
        result.refused.push({ recipientId, reason: error.reason });
      }
    }
  }

  return {
    send,
    async broadcast(notice) {
      const result: BroadcastResult = { accepted: [], refused: [] };
      const ids = [...new Set(notice.recipientIds)];
      for (let i = 0; i < ids.length; i += MAX_RECIPIENTS) {
        const batch = ids.slice(i, i + MAX_RECIPIENTS);
        try {
          await client.api('/teamwork/sendActivityNotificationToRecipients').post({
            ...body(notice),
            recipients: batch.map((userId) => ({
              '@odata.type': 'microsoft.graph.aadUserNotificationRecipient',
              userId,
            })),
          });
          result.accepted.push(...batch);
        } catch (error) {
          // 412: the token is too close to expiry for the bulk call. 403/404: some recipient may
          // not be sent to (the pages do not say whether bulk refuses the whole batch for one):
          // each alone, so each gets its own outcome.
          if (error instanceof GraphError && [403, 404, 412].includes(error.statusCode)) {
            await oneByOne(notice, batch, result);
            continue;
          }
          throw translate(error, undefined);
        }
      }
      return result;
    },
  };
}
