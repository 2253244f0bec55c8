import { Caption1, makeStyles, Subtitle2, Switch, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { MOMENTS, type Moment } from '../../../../functions/src/domain/notifications/moments';
import type { ProgrammeView } from '../../api/client';
import { hrApi } from '../../api/hr';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAction } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/**
 * HR's switches for a programme's Teams notices (docs/notifications.md): one per moment, on unless
 * HR switched it off; a moment off is never sent. Each switch saves at once (PATCH
 * /programmes/{id}/notifications with the programme's ETag), as ApplicantSettings does; a refusal
 * is worded by ErrorState in the reader's language. Placed by the programme's settings screen.
 */
export function NotificationSettings({
  programme,
  onProgrammeChange,
}: {
  programme: ProgrammeView;
  onProgrammeChange: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const hr = useMemo(() => hrApi(api), [api]);
  const [act, failure] = useAction(onProgrammeChange);
  const save = (moment: Moment, on: boolean) =>
    act(() => hr.setNotificationSwitch(programme, moment, on));
  return (
    <section aria-labelledby="notification-settings-title" className={styles.stack}>
      <Subtitle2 as="h3" id="notification-settings-title">
        {t('admin.notificationSettings.title')}
      </Subtitle2>
      <Caption1>{t('admin.notificationSettings.hint')}</Caption1>
      {failure !== undefined && <ErrorState error={failure} />}
      {MOMENTS.map((moment) => (
        <Switch
          key={moment}
          label={t(`admin.notificationSettings.moments.${moment}`)}
          checked={programme.notifications[moment]}
          onChange={(_, d) => save(moment, d.checked)}
        />
      ))}
    </section>
  );
}
