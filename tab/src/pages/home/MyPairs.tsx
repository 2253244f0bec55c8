import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import type { MyPairSummary } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useSession } from '../../components/session';
import { useAsync } from '../../components/useAsync';
import { formatSessionTime } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(300px, 100%), 1fr))',
  },
  link: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const ANSWER_COLOR: Record<string, 'success' | 'warning' | 'danger' | 'informative'> = {
  accepted: 'success',
  tentativelyAccepted: 'warning',
  declined: 'danger',
  none: 'informative',
};

/** My pairs on the home page: who with, the next session, and whether both accepted. */
export function MyPairs() {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const { api } = useSession();
  const [pairs, reload] = useAsync(
    () => api.myPairs(),
    [api],
    () => (api.arrived(['/pairs/me'])?.[0] as { value: MyPairSummary[] } | undefined)?.value,
  );
  if (pairs.status === 'loading') return <Spinner size="small" label={t('app.loading')} />;
  if (pairs.status === 'error') return <ErrorState error={pairs.error} onRetry={reload} />;
  if (pairs.value.length === 0) return null;
  return (
    <section aria-labelledby="pairs-title">
      <Subtitle1 as="h2" id="pairs-title">
        {t('pairs.title')}
      </Subtitle1>
      <ul className={styles.list}>
        {pairs.value.map((pair) => (
          <li key={pair.id}>
            <Surface>
              <AppLink
                href={`/pairs/${pair.id}`}
                className={styles.link}
                aria-label={t('pairs.open', { name: pair.other.name })}
              >
                {t('pairs.with', { name: pair.other.name })}
              </AppLink>
              <span className={styles.meta}>
                <Caption1>{pair.programmeName}</Caption1>
                <Caption1>
                  · {t(pair.role === 'mentee' ? 'pairs.asMentee' : 'pairs.asMentor')}
                </Caption1>
                <Badge appearance="tint">{t(`pairs.status.${pair.status}`)}</Badge>
              </span>
              {pair.nextSession && (
                <Body1>
                  {t('pair.sessions.next', { when: formatSessionTime(pair.nextSession, locale) })}
                </Body1>
              )}
              {pair.answers && (
                <span className={styles.meta}>
                  <Badge
                    appearance="outline"
                    color={ANSWER_COLOR[pair.answers.mine] ?? 'informative'}
                  >
                    {t('pairs.answerMine', { answer: t(`pairs.answer.${pair.answers.mine}`) })}
                  </Badge>
                  <Badge
                    appearance="outline"
                    color={ANSWER_COLOR[pair.answers.theirs] ?? 'informative'}
                  >
                    {t('pairs.answerTheirs', {
                      name: pair.other.name,
                      answer: t(`pairs.answer.${pair.answers.theirs}`),
                    })}
                  </Badge>
                </span>
              )}
            </Surface>
          </li>
        ))}
      </ul>
    </section>
  );
}
