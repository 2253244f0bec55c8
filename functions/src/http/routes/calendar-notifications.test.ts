import { describe, expect, it } from 'vitest';
import {
  ChangeNotificationCollectionSchema,
  NotificationQuerySchema,
} from './calendar-notifications';

const change = {
  subscriptionId: '7f105c7d-2dc5-4530-97cd-4e7ae6534c07',
  subscriptionExpirationDateTime: '2026-03-09T10:00:00.0000000Z',
  changeType: 'updated',
  resource: 'Users/u/Events/AAMk1',
  resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: 'AAMk1' },
  clientState: 'secret',
  tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
};

describe('the notification contract', () => {
  it('reads changes and lifecycle notices as Graph documents them, ignoring fields it adds', () => {
    const parsed = ChangeNotificationCollectionSchema.parse({
      value: [
        { ...change, somethingNew: 1 },
        {
          subscriptionId: change.subscriptionId,
          subscriptionExpirationDateTime: change.subscriptionExpirationDateTime,
          tenantId: change.tenantId,
          clientState: 'secret',
          lifecycleEvent: 'subscriptionRemoved',
        },
      ],
    });
    expect(parsed.value.map((n) => n.changeType ?? n.lifecycleEvent)).toEqual([
      'updated',
      'subscriptionRemoved',
    ]);
  });

  it('refuses what is no notification collection', () => {
    for (const body of [
      {},
      { value: [] },
      { value: 'x' },
      { value: [{ changeType: 'updated' }] },
      { value: [{ subscriptionId: 's' }] },
      { value: [{ ...change, changeType: 'moved' }] },
      { value: [{ ...change, clientState: 'x'.repeat(129) }] },
      { value: Array.from({ length: 1001 }, () => change) },
    ]) {
      expect(
        ChangeNotificationCollectionSchema.safeParse(body).success,
        JSON.stringify(body).slice(0, 80),
      ).toBe(false);
    }
  });

  it('takes an opaque validation token, but none with markup', () => {
    const token =
      'Validation: Testing client application reachability for subscription Request-Id: 1';
    expect(NotificationQuerySchema.parse({ validationToken: token }).validationToken).toBe(token);
    expect(
      NotificationQuerySchema.safeParse({ validationToken: '<script>x</script>' }).success,
    ).toBe(false);
    expect(NotificationQuerySchema.safeParse({ validationToken: 'a\nb' }).success).toBe(false);
    expect(NotificationQuerySchema.parse({}).validationToken).toBeUndefined();
  });
});
