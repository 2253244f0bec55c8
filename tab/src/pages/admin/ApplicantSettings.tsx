import { makeStyles, Subtitle2, Switch, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ProgrammeView } from '../../api/client';
import { hrApi } from '../../api/hr';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAction } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type Setting = 'showRejectionReason' | 'keepsWaitingList';
const SETTINGS: readonly Setting[] = ['showRejectionReason', 'keepsWaitingList'];

/**
 * HR's settings for what applicants are told (issue #14): whether a rejected applicant reads HR's
 * reason, and whether mentees left without a pair stay on a waiting list. Each switch saves at once
 * (PATCH with the programme's ETag), as a switch promises (Fluent's Switch, checked + onChange with a
 * visible label: https://www.npmjs.com/package/@fluentui/react-switch); a refusal is worded by
 * ErrorState in the reader's language.
 */
export function ApplicantSettings({
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
  const save = (setting: Setting, on: boolean) =>
    act(() => hr.setApplicantSetting(programme, setting, on));
  return (
    <section aria-labelledby="applicant-settings-title" className={styles.stack}>
      <Subtitle2 as="h3" id="applicant-settings-title">
        {t('admin.applicantSettings.title')}
      </Subtitle2>
      {failure !== undefined && <ErrorState error={failure} />}
      {SETTINGS.map((setting) => (
        <Switch
          key={setting}
          label={t(`admin.applicantSettings.${setting}`)}
          checked={programme[setting]}
          onChange={(_, d) => save(setting, d.checked)}
        />
      ))}
    </section>
  );
}
