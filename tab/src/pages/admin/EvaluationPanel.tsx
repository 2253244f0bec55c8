import {
  Body1,
  Caption1,
  Field,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { ProgrammeView } from '../../api/client';
import { hrApi } from '../../api/hr';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAction, useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';
import { CsvExport } from './report-download';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The minimums HR may choose: never below three (PRODUCT rule 8). */
const MINIMUMS = [3, 4, 5, 6, 8, 10];

/**
 * The end-of-programme evaluation in aggregate, once enough people answered; HR also reads the
 * unsigned suggestions and may lower the minimum (given `programme`).
 */
export function EvaluationPanel({
  programmeId,
  programme,
  onProgrammeChange,
}: {
  programmeId: string;
  programme?: ProgrammeView;
  onProgrammeChange?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useStyles();
  const { api, me } = useSession();
  const hr = useMemo(() => hrApi(api), [api]);
  const [results, reload] = useAsync(() => hr.evaluation(programmeId), [programmeId, hr]);
  const [act, failure] = useAction(() => {
    onProgrammeChange?.();
    reload();
  });
  if (results.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (results.status === 'error') return <ErrorState error={results.error} onRetry={reload} />;
  const r = results.value;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const score = (v: number | null) => (v === null ? '—' : number.format(v));
  return (
    <div className={styles.stack}>
      <Body1>{t('evaluation.responses', { count: r.responses, expected: r.expected })}</Body1>
      {failure !== undefined && <ErrorState error={failure} />}
      {programme && (
        <Field label={t('evaluation.minimum')}>
          <Select
            value={String(r.minimumRespondents)}
            onChange={(_, d) => act(() => hr.setMinRespondents(programme, Number(d.value)))}
          >
            {[...new Set([...MINIMUMS, r.minimumRespondents])]
              .sort((a, b) => a - b)
              .map((n) => (
                <option key={n} value={n}>
                  {t('evaluation.minimumOption', { count: n })}
                </option>
              ))}
          </Select>
        </Field>
      )}
      {r.withheld && <Body1>{t('evaluation.withheld', { minimum: r.minimumRespondents })}</Body1>}
      {!r.withheld && r.responses > 0 && (
        <>
          <Body1>
            {t('evaluation.satisfactionByRole', {
              mentees: score(r.byRole.mentee.satisfaction),
              mentors: score(r.byRole.mentor.satisfaction),
            })}
          </Body1>
          <Body1>
            {t('evaluation.goalsByRole', {
              mentees: score(r.byRole.mentee.goalsReached),
              mentors: score(r.byRole.mentor.goalsReached),
            })}
          </Body1>
          <Body1>{t('evaluation.nps', { value: r.netPromoterScore ?? '—' })}</Body1>
          <Caption1>{t('evaluation.npsHint')}</Caption1>
        </>
      )}
      {r.suggestions && (
        <>
          <Subtitle2 as="h3">{t('evaluation.suggestions')}</Subtitle2>
          {r.suggestions.length === 0 ? (
            <Body1>{t('evaluation.noSuggestions')}</Body1>
          ) : (
            <ul>
              {r.suggestions.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {me.isAdmin && (
        <div className={styles.stack}>
          <CsvExport
            label={t('report.exportEvaluation')}
            download={(reader) => hr.evaluationReport(programmeId, reader)}
          />
          <Caption1>
            {r.withheld
              ? t('report.evaluationWithheld', { minimum: r.minimumRespondents })
              : t('report.evaluationShown')}
          </Caption1>
        </div>
      )}
    </div>
  );
}
