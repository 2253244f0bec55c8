import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { ApplicationView } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { formatSessionTime } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  link: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Where the applicant stands, in short, kind sentences (issue #14): under review, approved, being
 * matched, in a pair (who with, the first or next session, a link to the pair), on the waiting list,
 * not matched this time, or not selected (with HR's reason only when the API sent it, which it does
 * only where the programme lets applicants read it).
 */
export function ApplicationStanding({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const { outcome } = application;
  if (!outcome) return null;
  if (outcome === 'paired' && application.pairs?.length) {
    return (
      <div className={styles.stack}>
        {application.pairs.map((pair) => (
          <div key={pair.id} className={styles.stack}>
            <Body1>{t('programmes.outcome.pairedWith', { name: pair.partner.name })}</Body1>
            <Body1>
              {pair.nextSession
                ? t(
                    pair.nextSession.first
                      ? 'programmes.outcome.firstSession'
                      : 'programmes.outcome.nextSession',
                    { when: formatSessionTime(pair.nextSession.start, locale) },
                  )
                : t('programmes.outcome.notBookedYet')}
            </Body1>
            <AppLink href={`/pairs/${pair.id}`} className={styles.link}>
              {t('programmes.outcome.openPair', { name: pair.partner.name })}
            </AppLink>
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className={styles.stack}>
      <Body1>{t(`programmes.outcome.${outcome}`)}</Body1>
      {outcome === 'notSelected' && application.rejectionReason && (
        <Body1>{t('programmes.rejectedBecause', { reason: application.rejectionReason })}</Body1>
      )}
    </div>
  );
}
