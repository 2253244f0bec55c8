import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { ApplicationFormSchema } from '../../../../functions/src/http/contracts';
import { ApiError } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { FIELD_ORDER, type FormField, formErrors } from './form-errors';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const PARTS = ['morning', 'afternoon'] as const;
const LANGUAGES = ['es', 'en', 'ca', 'pt', 'fr'] as const;

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '720px',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Draft {
  role: 'mentee' | 'mentor';
  why: string;
  topics: string;
  languages: string[];
  days: string[];
  partsOfDay: string[];
  consent: boolean;
}

const EMPTY: Draft = {
  role: 'mentee',
  why: '',
  topics: '',
  languages: [],
  days: [],
  partsOfDay: [],
  consent: false,
};

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** The application form (PRODUCT rule 3): under two minutes, draft kept on this device. */
export function ApplyPage({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const [, navigate] = useLocation();
  const [programme, reload] = useAsync(() => api.getProgramme(programmeId), [programmeId]);
  const storageKey = `tandem.draft.${programmeId}`;
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      return { ...EMPTY, ...JSON.parse(localStorage.getItem(storageKey) ?? '{}') };
    } catch {
      return EMPTY;
    }
  });
  const [errors, setErrors] = useState<Partial<Record<FormField | 'form', string>>>({});
  // Where the focus goes when a field needs attention: the first of them, in reading order.
  const fields = useRef<Partial<Record<FormField, HTMLElement | null>>>({});
  const focusFirst = (found: Partial<Record<FormField | 'form', string>>) => {
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) fields.current[first]?.focus();
  };
  const [failure, setFailure] = useState<unknown>();
  const [sending, setSending] = useState(false);
  useEffect(() => localStorage.setItem(storageKey, JSON.stringify(draft)), [draft, storageKey]);

  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFailure(undefined);
    const topics = draft.topics
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // The API's own contract checks the form here first, so every objection shows at once, in
    // the reader's language, beside its field.
    const form = ApplicationFormSchema.safeParse({
      role: draft.role,
      why: draft.why,
      wants: draft.role === 'mentee' ? topics : [],
      offers: draft.role === 'mentor' ? topics : [],
      languages: draft.languages,
      availability: { days: draft.days, partsOfDay: draft.partsOfDay, notes: '' },
      answers: [],
      consent: draft.consent,
    });
    if (!form.success) {
      const found = formErrors(t, form.error.issues, draft.role);
      setErrors(found);
      focusFirst(found);
      return;
    }
    setSending(true);
    try {
      await api.apply(programmeId, form.data);
      localStorage.removeItem(storageKey);
      navigate('/?sent=1');
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem?.errors) {
        // The server saw something this tab's copy of the contract did not: mark the fields.
        const issues = error.problem.errors.map((e) => ({
          code: 'custom' as const,
          path: e.path.replace(/^body\./, '').split('.'),
          message: e.message,
          input: undefined,
        }));
        const found = formErrors(t, issues, draft.role);
        setErrors(found);
        focusFirst(found);
      }
      setFailure(error);
    } finally {
      setSending(false);
    }
  }

  if (programme.status === 'loading') return <Spinner label={t('app.loading')} />;
  if (programme.status === 'error') return <ErrorState error={programme.error} onRetry={reload} />;
  const invalid = (field: FormField) =>
    errors[field] ? { validationState: 'error' as const, validationMessage: errors[field] } : {};
  const hasErrors = FIELD_ORDER.some((f) => errors[f]);
  const languageName = (code: string) =>
    new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Title2 as="h1">{t('apply.title', { name: programme.value.name })}</Title2>
      <Body1 as="p">{t('apply.intro')}</Body1>
      {failure !== undefined && <ErrorState error={failure} />}
      {hasErrors && failure === undefined && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('validation.summary')}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('apply.role')} required>
        <RadioGroup
          value={draft.role}
          onChange={(_, d) => update({ role: d.value as Draft['role'] })}
        >
          <Radio value="mentee" label={t('apply.roleMentee')} />
          <Radio value="mentor" label={t('apply.roleMentor')} />
        </RadioGroup>
      </Field>
      <Field label={t('apply.why')} required {...invalid('why')}>
        <Textarea
          ref={(el) => {
            fields.current.why = el;
          }}
          value={draft.why}
          onChange={(_, d) => update({ why: d.value })}
          resize="vertical"
        />
      </Field>
      <Field
        label={draft.role === 'mentee' ? t('apply.wants') : t('apply.offers')}
        hint={t('apply.topicsHint')}
        required
        {...invalid('topics')}
      >
        <Input
          ref={(el) => {
            fields.current.topics = el;
          }}
          value={draft.topics}
          onChange={(_, d) => update({ topics: d.value })}
        />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('apply.languages')} *</legend>
        <div className={styles.row}>
          {LANGUAGES.map((code, i) => (
            <Checkbox
              key={code}
              ref={
                i === 0
                  ? (el) => {
                      fields.current.languages = el;
                    }
                  : undefined
              }
              aria-invalid={errors.languages ? true : undefined}
              label={languageName(code)}
              checked={draft.languages.includes(code)}
              onChange={(_, d) => update({ languages: toggle(draft.languages, code, !!d.checked) })}
            />
          ))}
        </div>
        {errors.languages && <Text className={styles.error}>{errors.languages}</Text>}
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('apply.availability')}</legend>
        <div className={styles.row}>
          {DAYS.map((day) => (
            <Checkbox
              key={day}
              label={t(`apply.days.${day}`)}
              checked={draft.days.includes(day)}
              onChange={(_, d) => update({ days: toggle(draft.days, day, !!d.checked) })}
            />
          ))}
          {PARTS.map((part) => (
            <Checkbox
              key={part}
              label={t(`apply.partsOfDay.${part}`)}
              checked={draft.partsOfDay.includes(part)}
              onChange={(_, d) =>
                update({ partsOfDay: toggle(draft.partsOfDay, part, !!d.checked) })
              }
            />
          ))}
        </div>
      </fieldset>
      <Field required {...invalid('consent')}>
        <Checkbox
          ref={(el) => {
            fields.current.consent = el;
          }}
          label={t('apply.consent')}
          checked={draft.consent}
          onChange={(_, d) => update({ consent: !!d.checked })}
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={sending}>
          {t('apply.submit')}
        </Button>
        <AppLink href="/">{t('apply.back')}</AppLink>
      </div>
      {sending && (
        <MessageBar>
          <MessageBarBody>
            <Spinner size="tiny" label={t('app.loading')} />
          </MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
