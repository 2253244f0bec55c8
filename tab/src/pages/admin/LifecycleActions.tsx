import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { applyPage, tabAddress } from '../../../../functions/src/domain/deep-link';
import type { ProgrammeView } from '../../api/client';
import { programmeApi } from '../../api/programmes';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAction } from '../../components/useAsync';
import { formatDate } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * A programme's life beyond its stages (PRODUCT rule 9, docs/product.md): delete a draft,
 * promote the pilot to the organisation-wide call, clone for the next cohort, archive a closed
 * programme — each asks first and says what it does. An open call or pilot offers its
 * announcement to copy into Teams, with the link to its form.
 */
export function LifecycleActions({
  programme: p,
  onProgrammeChange,
}: {
  programme: ProgrammeView;
  onProgrammeChange: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const calls = useMemo(() => programmeApi(api), [api]);
  const [, navigate] = useLocation();
  const [act, failure] = useAction(onProgrammeChange);
  const [cloneName, setCloneName] = useState(p.name);
  const go = (id: string) => navigate(`/admin/programmes/${id}`);

  return (
    <div className={styles.stack}>
      {failure !== undefined && <ErrorState error={failure} />}
      <div className={styles.row}>
        {p.status === 'draft' && (
          <ConfirmAction
            title={t('confirm.deleteDraft.title', { name: p.name })}
            body={t('confirm.deleteDraft.body')}
            confirmLabel={t('confirm.deleteDraft.action')}
            leavesPage
            onConfirm={() =>
              act(async () => {
                await calls.remove(p);
                navigate('/admin');
              })
            }
          >
            {t('admin.lifecycle.delete')}
          </ConfirmAction>
        )}
        {p.pilotedAt !== null && p.promotedTo === null && (
          <ConfirmAction
            appearance="primary"
            title={t('confirm.promote.title', { name: p.name })}
            body={t('confirm.promote.body')}
            confirmLabel={t('confirm.promote.action')}
            leavesPage
            onConfirm={() => act(async () => go((await calls.promote(p)).id))}
          >
            {t('admin.lifecycle.promote')}
          </ConfirmAction>
        )}
        {p.status !== 'draft' && (
          <ConfirmAction
            title={t('confirm.clone.title', { name: p.name })}
            body={
              <div className={styles.stack}>
                {t('confirm.clone.body')}
                <Field label={t('admin.lifecycle.cloneName')}>
                  <Input value={cloneName} onChange={(_, d) => setCloneName(d.value)} />
                </Field>
              </div>
            }
            confirmLabel={t('confirm.clone.action')}
            leavesPage
            onConfirm={() =>
              act(async () => go((await calls.clone(p, cloneName.trim() || undefined)).id))
            }
          >
            {t('admin.lifecycle.clone')}
          </ConfirmAction>
        )}
        {p.status === 'closed' && p.archivedAt === null && (
          <ConfirmAction
            title={t('confirm.archive.title', { name: p.name })}
            body={t('confirm.archive.body')}
            confirmLabel={t('confirm.archive.action')}
            onConfirm={() => act(() => calls.archive(p))}
          >
            {t('admin.lifecycle.archive')}
          </ConfirmAction>
        )}
      </div>
      {p.promotedTo !== null && (
        <Button appearance="transparent" onClick={() => go(p.promotedTo!)}>
          {t('admin.lifecycle.promotedTo')}
        </Button>
      )}
      {(p.status === 'open' || p.status === 'pilot') && <Announcement programme={p} />}
    </div>
  );
}

/**
 * The call's announcement, ready to paste into a Teams channel or chat, with the link to the
 * form (the tab's own address, which works in and out of Teams).
 */
function Announcement({ programme }: { programme: ProgrammeView }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const locale = useLocale();
  const [copied, setCopied] = useState<'no' | 'yes' | 'select'>('no');
  const box = useRef<HTMLTextAreaElement>(null);
  // Teams hosts do not yet fully support the browser's Clipboard API inside a tab (the TeamsJS
  // clipboard module is deprecated in its favour: https://learn.microsoft.com/en-us/javascript/api/@microsoft/teams-js/clipboard?view=msteams-client-js-latest);
  // where the write is refused, the message is selected for the person to copy themselves.
  const copy = () => {
    const selectIt = () => {
      box.current?.focus();
      box.current?.select();
      setCopied('select');
    };
    if (!navigator.clipboard) return selectIt();
    navigator.clipboard.writeText(message).then(() => setCopied('yes'), selectIt);
  };
  const lang = i18n.language === 'es' ? 'es' : 'en';
  const link = tabAddress(window.location.origin, applyPage(programme.id));
  const words = { name: programme.name, description: programme.description[lang], link };
  const message = programme.callClosesOn
    ? t('admin.announce.message', {
        ...words,
        closes: formatDate(programme.callClosesOn, locale, 'UTC'),
      })
    : t('admin.announce.messageNoDate', words);
  return (
    <Field
      label={t('admin.announce.label')}
      hint={
        copied === 'no'
          ? undefined
          : t(`admin.announce.${copied === 'yes' ? 'copied' : 'selected'}`)
      }
    >
      <div className={styles.stack}>
        <Textarea ref={box} readOnly value={message} resize="vertical" rows={5} />
        <div>
          <Button onClick={copy}>{t('admin.announce.copy')}</Button>
        </div>
      </div>
    </Field>
  );
}
