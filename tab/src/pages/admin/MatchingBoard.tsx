import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  InfoLabel,
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
import type { ProgrammeView } from '../../api/client';
import { type ConfirmationView, hrApi, type MatchingView } from '../../api/hr';
import { topicsApi } from '../../api/topics';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useStackedTable } from '../../components/stacked-table';
import { useAction, useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { BoardPeople } from './BoardPeople';
import { DecisionDialog } from './DecisionDialog';
import { reasonText } from './reasons';
import { saveFile } from './report-download';

/** What each score component adds at most, out of 100, written for the reader's language. */
function scoreSharesText(shares: MatchingView['scoreShares'], lang: string) {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, number.format(v)]));
}

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-end',
  },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const OBJECTIVES: MatchingView['objective'][] = ['maxParticipation', 'maxScore'];

/**
 * HR's matching board (PRODUCT rules 1 and 4): run the matcher, read every proposal's reasons,
 * lock, reject, swap two, see who is left out and why, and confirm all or some.
 */
export function MatchingBoard({
  programme,
  onProgrammeChange,
}: {
  programme: ProgrammeView;
  onProgrammeChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const stacked = useStackedTable();
  const { api } = useSession();
  const hr = useMemo(() => hrApi(api), [api]);
  const [matching, reloadMatching] = useAsync(() => hr.matching(programme.id), [programme.id, hr]);
  // The applications, for the board's people: approved mentors, the waiting list.
  const [applications, reloadApplications] = useAsync(
    () => api.listApplications(programme.id),
    [programme.id, api],
  );
  const reload = () => {
    reloadMatching();
    reloadApplications();
  };
  // Reasons name topics by id: the vocabulary names them in the reader's language.
  const [vocabulary] = useAsync(() => topicsApi(api).get(programme.id), [programme.id, api]);
  const topics = vocabulary.status === 'ready' ? vocabulary.value.topics : [];
  const reason = (r: Parameters<typeof reasonText>[1]) => reasonText(t, r, i18n.language, topics);
  const [objective, setObjective] = useState<MatchingView['objective']>('maxParticipation');
  const [selected, setSelected] = useState<string[]>([]);
  const [confirmation, setConfirmation] = useState<ConfirmationView>();
  const [act, failure] = useAction(() => {
    setSelected([]);
    reload();
  });

  if (programme.status === 'open' || programme.status === 'pilot') {
    return (
      <div className={styles.stack}>
        <Body1>{t('matching.closeCallFirst')}</Body1>
        {failure !== undefined && <ErrorState error={failure} />}
        <div>
          <ConfirmAction
            appearance="primary"
            title={t('confirm.closeCall.title', { name: programme.name })}
            body={t('confirm.closeCall.body')}
            confirmLabel={t('confirm.closeCall.action')}
            onConfirm={() =>
              act(async () => {
                await api.changeStatus(programme.id, 'matching', programme.etag);
                onProgrammeChange();
              })
            }
          >
            {t('matching.startMatching')}
          </ConfirmAction>
        </div>
      </div>
    );
  }
  if (programme.status === 'draft') return <Body1>{t('matching.notYet')}</Body1>;
  if (matching.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (matching.status === 'error') return <ErrorState error={matching.error} onRetry={reload} />;
  const m = matching.value;
  const canEdit = programme.status === 'matching';
  const pending = m?.proposals.filter((p) => p.status === 'proposed') ?? [];
  const byId = new Map(m?.proposals.map((p) => [p.id, p]));
  // Everyone whose calendar gets the series' invitations: each mentor once, however many mentees.
  const peopleIn = (ids: string[]) =>
    new Set(
      ids.flatMap((id) => {
        const p = byId.get(id);
        return p ? [p.mentee, p.mentor] : [];
      }),
    ).size;
  const confirmText = (count: number, people: number) => ({
    title: t('confirm.confirmPairs.title', { count }),
    body: t('confirm.confirmPairs.body', { count, people }),
    confirmLabel: t('confirm.confirmPairs.action'),
  });
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));

  return (
    <div className={styles.stack}>
      {failure !== undefined && <ErrorState error={failure} />}
      {confirmation && (
        <MessageBar intent={confirmation.refused.length > 0 ? 'warning' : 'success'}>
          <MessageBarBody>
            {t('matching.confirmed', { count: confirmation.confirmed.length })}
            {confirmation.refused.map((r) => (
              <div key={r.proposalId}>
                {byId.get(r.proposalId)?.menteeName ?? r.proposalId}: {reason(r.reason)}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {canEdit && (
        <div className={styles.row}>
          <Field label={t('matching.objective')}>
            <Dropdown
              value={t(`matching.objectives.${objective}`)}
              selectedOptions={[objective]}
              onOptionSelect={(_, d) => setObjective(d.optionValue as MatchingView['objective'])}
            >
              {OBJECTIVES.map((o) => (
                <Option key={o} value={o}>
                  {t(`matching.objectives.${o}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button
            appearance={m ? 'secondary' : 'primary'}
            onClick={() => act(() => hr.run(programme.id, objective))}
          >
            {t(m ? 'matching.rerun' : 'matching.run')}
          </Button>
          <Button
            onClick={() =>
              act(async () => {
                const file = await hr.matchingInput(programme.id);
                saveFile(file.blob, file.fileName);
              })
            }
          >
            {t('matching.exportInput')}
          </Button>
        </div>
      )}
      {!m ? (
        <Body1>{t('matching.noRunYet')}</Body1>
      ) : (
        <>
          <div className={styles.row}>
            <Caption1>
              {t('matching.summary', {
                count: m.proposals.length,
                unmatched: m.unmatched.length,
                objective: t(`matching.objectives.${m.objective}`),
              })}
            </Caption1>
            {/* The scale, reachable at every width (below 640 px the table's header is hidden). */}
            <InfoLabel
              size="small"
              infoButton={{ 'aria-label': t('matching.scoreMeaning') }}
              info={
                <>
                  <p>{t('matching.scoreScale')}</p>
                  <p>{t('matching.scoreInfo', scoreSharesText(m.scoreShares, i18n.language))}</p>
                </>
              }
            >
              {t('matching.scoreMeaning')}
            </InfoLabel>
          </div>
          <Table className={stacked.table} aria-label={t('matching.proposals')}>
            <TableHeader className={stacked.header}>
              <TableRow>
                {canEdit && <TableHeaderCell>{t('matching.select')}</TableHeaderCell>}
                <TableHeaderCell>{t('admin.mentee')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.mentor')}</TableHeaderCell>
                <TableHeaderCell>
                  <InfoLabel
                    infoButton={{ 'aria-label': t('matching.scoreHow') }}
                    info={
                      <>
                        <p>{t('matching.scoreScale')}</p>
                        <p>
                          {t('matching.scoreInfo', scoreSharesText(m.scoreShares, i18n.language))}
                        </p>
                      </>
                    }
                  >
                    {t('matching.score')}
                  </InfoLabel>
                </TableHeaderCell>
                <TableHeaderCell>{t('matching.why')}</TableHeaderCell>
                <TableHeaderCell>{t('admin.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={stacked.body}>
              {m.proposals.map((p) => (
                <TableRow className={stacked.row} key={p.id}>
                  {canEdit && (
                    <TableCell className={stacked.cell} data-label={t('matching.select')}>
                      {p.status === 'proposed' && (
                        <Checkbox
                          aria-label={t('matching.selectPair', {
                            mentee: p.menteeName,
                            mentor: p.mentorName,
                          })}
                          checked={selected.includes(p.id)}
                          onChange={(_, d) => toggle(p.id, Boolean(d.checked))}
                        />
                      )}
                    </TableCell>
                  )}
                  <TableCell className={stacked.cell} data-label={t('admin.mentee')}>
                    {p.menteeName}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('admin.mentor')}>
                    {p.mentorName}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('matching.score')}>
                    {t('matching.scoreValue', { score: p.scoreOutOf100 })}
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('matching.why')}>
                    <ul className={styles.reasons}>
                      {p.reasons
                        .filter((r) => r.code !== 'locked')
                        .map((r) => (
                          <li key={r.code}>{reason(r)}</li>
                        ))}
                    </ul>
                  </TableCell>
                  <TableCell className={stacked.cell} data-label={t('admin.actions')}>
                    <div className={styles.row}>
                      {p.status === 'confirmed' && (
                        <Badge appearance="tint" color="success">
                          {t('matching.statusConfirmed')}
                        </Badge>
                      )}
                      {p.locked && <Badge appearance="outline">{t('matching.locked')}</Badge>}
                      {canEdit && p.status === 'proposed' && (
                        <>
                          <Button
                            size="small"
                            aria-label={t(p.locked ? 'matching.unlockPair' : 'matching.lockPair', {
                              mentee: p.menteeName,
                            })}
                            onClick={() => act(() => hr.lock(m, p, !p.locked))}
                          >
                            {t(p.locked ? 'matching.unlock' : 'matching.lock')}
                          </Button>
                          <DecisionDialog
                            size="small"
                            required
                            aria-label={t('matching.rejectPair', {
                              mentee: p.menteeName,
                              mentor: p.mentorName,
                            })}
                            words={{
                              title: t('confirm.rejectPair.title', {
                                mentee: p.menteeName,
                                mentor: p.mentorName,
                              }),
                              body: <p>{t('confirm.rejectPair.body')}</p>,
                              note: t('board.rejectReason'),
                              needed: t('board.rejectReasonNeeded'),
                              action: t('confirm.rejectPair.action'),
                            }}
                            onDecide={(reason) => act(() => hr.reject(m, p, reason))}
                          >
                            {t('matching.reject')}
                          </DecisionDialog>
                        </>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {canEdit && (
            <div className={styles.row}>
              <Button
                disabled={selected.length !== 2}
                onClick={() =>
                  act(() => hr.swap(m, byId.get(selected[0]!)!, byId.get(selected[1]!)!))
                }
              >
                {t('matching.swap')}
              </Button>
              <ConfirmAction
                disabled={selected.length === 0}
                {...confirmText(selected.length, peopleIn(selected))}
                onConfirm={() =>
                  act(async () => {
                    setConfirmation(await hr.confirm(programme.id, selected));
                    onProgrammeChange();
                  })
                }
              >
                {t('matching.confirmSelected', { count: selected.length })}
              </ConfirmAction>
              <ConfirmAction
                appearance="primary"
                disabled={pending.length === 0}
                {...confirmText(pending.length, peopleIn(pending.map((p) => p.id)))}
                onConfirm={() =>
                  act(async () => {
                    setConfirmation(await hr.confirm(programme.id, 'all'));
                    onProgrammeChange();
                  })
                }
              >
                {t('matching.confirmAll', { count: pending.length })}
              </ConfirmAction>
            </div>
          )}
          <BoardPeople
            programme={programme}
            matching={m}
            applications={applications.status === 'ready' ? applications.value : []}
            canEdit={canEdit}
            hr={hr}
            act={act}
            reason={reason}
          />
        </>
      )}
    </div>
  );
}
