import {
  Badge,
  Body1,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { ApiError, type ProgrammeView, type ReviewApplicationView } from '../../api/client';
import { type DecisionsView, hrApi } from '../../api/hr';
import { ErrorState } from '../../components/ErrorState';
import { errorText } from '../../components/error-text';
import { useSession } from '../../components/session';
import { useStackedTable } from '../../components/stacked-table';
import { useAction, useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { DecisionDialog, type DecisionWords } from './DecisionDialog';
import { languageName } from './language-names';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  filter: { minWidth: '160px' },
  answers: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

type Application = ReviewApplicationView;
const ROLES = ['all', 'mentee', 'mentor'] as const;
const STATUSES = ['all', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
const SORTS = ['applied', 'name', 'department', 'status'] as const;
type Sort = (typeof SORTS)[number];
const ALL = 'all';

const nameOf = (a: Application) => a.personName || a.personId;
const departmentOf = (a: Application) => a.directory?.department ?? '';

/**
 * HR's rigorous review of a programme's applications (PRODUCT rule 2): each one's full answers —
 * why, what they want to learn or offer, HR's questions with their answers, languages by name,
 * availability — beside what the directory says (department, job title, manager); filters and
 * sort; approve or reject one or many with a note (a rejection asks for the reason); who decided
 * and when. Below 640 px each application reads as a block (stacked-table.ts).
 */
export function Applications({ programme }: { programme: ProgrammeView }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTable();
  const { api } = useSession();
  const hr = useMemo(() => hrApi(api), [api]);
  const [applications, reload] = useAsync(() => api.listApplications(programme.id), [programme.id]);
  const [role, setRole] = useState<(typeof ROLES)[number]>('all');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('all');
  const [department, setDepartment] = useState<string>(ALL);
  const [language, setLanguage] = useState<string>(ALL);
  const [sort, setSort] = useState<Sort>('applied');
  const [selected, setSelected] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<DecisionsView>();
  const [act, failure] = useAction(() => {
    setSelected([]);
    reload();
  });

  if (applications.status === 'loading') return <Spinner size="tiny" label={t('app.loading')} />;
  if (applications.status === 'error')
    return <ErrorState error={applications.error} onRetry={reload} />;
  const list = applications.value;
  const lang = i18n.language;
  const collator = new Intl.Collator(lang);
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const departments = [...new Set(list.map(departmentOf).filter(Boolean))].sort(collator.compare);
  const languages = [...new Set(list.flatMap((a) => a.languages))].sort((a, b) =>
    collator.compare(languageName(a, lang), languageName(b, lang)),
  );
  const shown = list
    .filter((a) => role === 'all' || a.role === role)
    .filter((a) => status === 'all' || a.status === status)
    .filter((a) => department === ALL || departmentOf(a) === department)
    .filter((a) => language === ALL || a.languages.includes(language))
    .sort((a, b) => {
      switch (sort) {
        case 'name':
          return collator.compare(nameOf(a), nameOf(b));
        case 'department':
          return (
            collator.compare(departmentOf(a), departmentOf(b)) ||
            collator.compare(nameOf(a), nameOf(b))
          );
        case 'status':
          return STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status);
        default:
          return a.createdAt.localeCompare(b.createdAt);
      }
    });
  const byId = new Map(list.map((a) => [a.personId, a]));
  const chosen = selected.filter((id) => shown.some((a) => a.personId === id));
  const chosenNames = chosen.map((id) => nameOf(byId.get(id)!));
  const decidable = (a: Application) => a.status === 'submitted' || a.status === 'approved';
  const approvable = (a: Application) => a.role === 'mentor' && a.status === 'submitted';
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));
  const allShown = shown.length > 0 && shown.every((a) => selected.includes(a.personId));
  /** The dialog's words for deciding on these people. */
  const words = (kind: 'approve' | 'reject', names: readonly string[]): DecisionWords => {
    const who = names.length === 1 ? names[0]! : t('review.people', { count: names.length });
    const count = names.length;
    return {
      title: t(`review.dialog.${kind}.title`, { who, count }),
      body: (
        <>
          <p>{t(`review.dialog.${kind}.body`, { count, who })}</p>
          {count > 1 && <p>{names.join(', ')}</p>}
        </>
      ),
      note: t(`review.dialog.${kind}.note`),
      needed: t('review.dialog.reject.needed'),
      action: t(`review.dialog.${kind}.action`, { count }),
    };
  };
  const reasonFootnote = (
    <p>
      {t(
        programme.showRejectionReason
          ? 'confirm.rejectApplication.reasonShown'
          : 'confirm.rejectApplication.reasonHidden',
      )}
    </p>
  );
  const decideMany = (decision: 'approve' | 'reject', note: string) =>
    act(async () => {
      const personIds = chosen;
      setOutcome(
        await hr.decide(
          programme.id,
          decision === 'reject'
            ? { decision, personIds, reason: note }
            : { decision, personIds, ...(note ? { note } : {}) },
        ),
      );
    });

  const filter = <V extends string>(
    label: string,
    value: V,
    options: readonly { value: V; text: string }[],
    onChange: (v: V) => void,
  ) => (
    <Field label={label} className={styles.filter}>
      <Dropdown
        value={options.find((o) => o.value === value)?.text ?? ''}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => onChange(d.optionValue as V)}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <section aria-label={t('admin.applications')} className={styles.stack}>
      <Body1>{t('admin.applicationCount', { count: list.length })}</Body1>
      {failure !== undefined && <ErrorState error={failure} />}
      {outcome && (
        <MessageBar intent={outcome.undecided.length > 0 ? 'warning' : 'success'}>
          <MessageBarBody>
            {t('review.decided', { count: outcome.decided.length })}
            {outcome.undecided.map((u) => (
              <div key={u.personId}>
                {byId.get(u.personId) ? nameOf(byId.get(u.personId)!) : u.personId}:{' '}
                {errorLine(t, i18n.exists.bind(i18n), u.code)}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {list.length === 0 ? (
        <Body1>{t('admin.noApplications')}</Body1>
      ) : (
        <>
          <fieldset className={styles.filters} aria-label={t('review.filters')}>
            {filter(
              t('admin.role'),
              role,
              ROLES.map((r) => ({ value: r, text: t(r === 'all' ? 'review.all' : `admin.${r}`) })),
              setRole,
            )}
            {filter(
              t('admin.status'),
              status,
              STATUSES.map((s) => ({
                value: s,
                text: t(s === 'all' ? 'review.all' : `programmes.applicationStatus.${s}`),
              })),
              setStatus,
            )}
            {filter(
              t('review.department'),
              department,
              [
                { value: ALL, text: t('review.all') },
                ...departments.map((d) => ({ value: d, text: d })),
              ],
              setDepartment,
            )}
            {filter(
              t('review.language'),
              language,
              [
                { value: ALL, text: t('review.all') },
                ...languages.map((l) => ({ value: l, text: languageName(l, lang) })),
              ],
              setLanguage,
            )}
            {filter(
              t('review.sort'),
              sort,
              SORTS.map((s) => ({ value: s, text: t(`review.sorts.${s}`) })),
              setSort,
            )}
          </fieldset>
          <div className={styles.row}>
            <Caption1>
              {t('review.shown', { count: shown.length, total: list.length })} ·{' '}
              {t('review.selected', { count: chosen.length })}
            </Caption1>
            <DecisionDialog
              words={words('approve', chosenNames)}
              size="small"
              disabled={chosen.length === 0}
              onDecide={(note) => decideMany('approve', note)}
            >
              {t('review.approveSelected', { count: chosen.length })}
            </DecisionDialog>
            <DecisionDialog
              words={words('reject', chosenNames)}
              required
              size="small"
              disabled={chosen.length === 0}
              footnote={reasonFootnote}
              onDecide={(note) => decideMany('reject', note)}
            >
              {t('review.rejectSelected', { count: chosen.length })}
            </DecisionDialog>
          </div>
          {shown.length === 0 ? (
            <Body1>{t('review.noneShown')}</Body1>
          ) : (
            <Table className={stacked.table} aria-label={t('admin.applications')}>
              <TableHeader className={stacked.header}>
                <TableRow>
                  <TableHeaderCell>
                    <Checkbox
                      aria-label={t('review.selectAll')}
                      checked={allShown}
                      onChange={(_, d) =>
                        setSelected(d.checked ? shown.map((a) => a.personId) : [])
                      }
                    />
                  </TableHeaderCell>
                  <TableHeaderCell>{t('admin.person')}</TableHeaderCell>
                  <TableHeaderCell>{t('review.answers')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.status')}</TableHeaderCell>
                  <TableHeaderCell>{t('admin.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody className={stacked.body}>
                {shown.map((a) => (
                  <TableRow className={stacked.row} key={a.personId}>
                    <TableCell className={stacked.cell} data-label={t('matching.select')}>
                      <Checkbox
                        aria-label={t('review.select', { name: nameOf(a) })}
                        checked={selected.includes(a.personId)}
                        onChange={(_, d) => toggle(a.personId, Boolean(d.checked))}
                      />
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('admin.person')}>
                      <div className={styles.who}>
                        <strong>{nameOf(a)}</strong>
                        <span>{t(`admin.${a.role}`)}</span>
                        {a.directory ? (
                          <>
                            {a.directory.jobTitle && <span>{a.directory.jobTitle}</span>}
                            {a.directory.department && <span>{a.directory.department}</span>}
                            {a.directory.manager && (
                              <span>{t('review.manager', { name: a.directory.manager.name })}</span>
                            )}
                          </>
                        ) : (
                          <Caption1>{t('review.notInDirectory')}</Caption1>
                        )}
                      </div>
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('review.answers')}>
                      <Answers application={a} questions={programme.questions} />
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('admin.status')}>
                      <div className={styles.who}>
                        <Badge
                          appearance="tint"
                          color={
                            a.status === 'approved'
                              ? 'success'
                              : a.status === 'rejected'
                                ? 'danger'
                                : 'informative'
                          }
                        >
                          {t(`programmes.applicationStatus.${a.status}`)}
                        </Badge>
                        {a.decision && (
                          <Caption1>
                            {t('review.decidedBy', {
                              name: a.decision.by.name,
                              when: dateTime.format(new Date(a.decision.at)),
                            })}
                          </Caption1>
                        )}
                        {a.decision?.note && (
                          <Caption1>{t('review.note', { note: a.decision.note })}</Caption1>
                        )}
                        {a.waitingListSince && (
                          <Caption1>
                            {t('review.waitingSince', {
                              when: dateTime.format(new Date(a.waitingListSince)),
                            })}
                          </Caption1>
                        )}
                      </div>
                    </TableCell>
                    <TableCell className={stacked.cell} data-label={t('admin.actions')}>
                      <div className={styles.row}>
                        {approvable(a) && (
                          <DecisionDialog
                            words={words('approve', [nameOf(a)])}
                            size="small"
                            aria-label={t('review.approveOne', { name: nameOf(a) })}
                            onDecide={(note) => act(() => api.approve(a, note || undefined))}
                          >
                            {t('admin.approve')}
                          </DecisionDialog>
                        )}
                        {decidable(a) && (
                          <DecisionDialog
                            words={words('reject', [nameOf(a)])}
                            required
                            size="small"
                            aria-label={t('review.rejectOne', { name: nameOf(a) })}
                            footnote={reasonFootnote}
                            onDecide={(reason) => act(() => api.reject(a, reason))}
                          >
                            {t('admin.reject')}
                          </DecisionDialog>
                        )}
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}

/** A refusal code in the reader's words (the API's own sentences, errors.codes.*). */
function errorLine(
  t: Parameters<typeof errorText>[0],
  exists: Parameters<typeof errorText>[1],
  code: string,
): string {
  const problem = { type: 'about:blank', title: code, status: 409, code };
  return errorText(t, exists, new ApiError(409, problem)).lines.join(' ');
}

/** Everything the applicant answered, as a list of terms and answers. */
function Answers({ application: a, questions }: { application: Application; questions: string[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const topics = a.role === 'mentee' ? a.wants : a.offers;
  const days = a.availability.days.map((d) => t(`apply.days.${d}`));
  const parts = a.availability.partsOfDay.map((p) => t(`apply.partsOfDay.${p}`));
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const entries: [string, string][] = [
    [t('apply.why'), a.why],
    [t(a.role === 'mentee' ? 'review.wants' : 'review.offers'), topics.join(', ')],
    [t('review.languages'), list.format(a.languages.map((l) => languageName(l, i18n.language)))],
    [
      t('review.availability'),
      [list.format(days), list.format(parts), a.availability.notes].filter(Boolean).join(' · ') ||
        t('review.anyTime'),
    ],
    ...questions.map((q, k): [string, string] => [q, a.answers[k]?.trim() || t('review.noAnswer')]),
  ];
  return (
    <dl className={styles.answers}>
      {entries.map(([term, value]) => (
        <div key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
