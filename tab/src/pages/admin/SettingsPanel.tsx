import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { type FormEvent, useMemo, useState } from 'react';
import {
  PROGRAMME_KINDS,
  type ProgrammeKind,
} from '../../../../functions/src/domain/programme/kinds';
import { editEffects } from '../../../../functions/src/domain/programme/lifecycle';
import {
  datesInOrder,
  type Eligibility,
  type ProgrammeSettings,
} from '../../../../functions/src/domain/programme/programme';
import {
  type EditProgramme,
  ProgrammeSettingsSchema,
} from '../../../../functions/src/http/contracts';
import type { ProgrammeView } from '../../api/client';
import { programmeApi } from '../../api/programmes';
import { ErrorState } from '../../components/ErrorState';
import { useSession } from '../../components/session';
import { useAction } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { PeoplePicker } from './PeoplePicker';
import { settingsErrors } from './settings-errors';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '48rem',
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  number: { width: '9rem' },
  question: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-end' },
  grow: { flexGrow: 1 },
});

/** The settings the form edits, as HR last saved them (the form's starting point). */
type Form = Omit<ProgrammeSettings, 'minRespondents' | 'showRejectionReason' | 'keepsWaitingList'>;
const NUMBERS = ['plannedSessions', 'durationMonths', 'sessionMinutes', 'mentorCapacity'] as const;
const DAYS = ['callOpensOn', 'callClosesOn', 'earliestStartOn'] as const;

function formOf(p: ProgrammeView): Form {
  return {
    name: p.name,
    kind: p.kind,
    objectives: p.objectives,
    description: { ...p.description },
    eligibility: p.eligibility,
    pilotGroup: p.pilotGroup,
    callOpensOn: p.callOpensOn,
    callClosesOn: p.callClosesOn,
    earliestStartOn: p.earliestStartOn,
    plannedSessions: p.plannedSessions,
    durationMonths: p.durationMonths,
    sessionMinutes: p.sessionMinutes,
    hierarchyRule: p.hierarchyRule,
    mentorCapacity: p.mentorCapacity,
    questions: p.questions,
    owners: p.owners,
  };
}

/** Only what HR changed goes in the PATCH: the audit trail names exactly those fields. */
function changesOf(before: Form, after: Form): EditProgramme & { kind?: ProgrammeKind } {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Form)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out;
}

const departmentsText = (e: Eligibility) =>
  e.kind === 'departments' ? e.departments.join(', ') : '';

/**
 * Every setting of a programme (docs/product.md "Programmes"), checked with the API's own
 * contract before it is sent, each objection beside its field in the reader's language. Once
 * employees can apply, the form says what the changes affect before HR saves them.
 */
export function SettingsPanel({
  programme,
  onProgrammeChange,
}: {
  programme: ProgrammeView;
  onProgrammeChange: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const calls = useMemo(() => programmeApi(api), [api]);
  const saved = useMemo(() => formOf(programme), [programme]);
  const [form, setForm] = useState<Form>(saved);
  const [departments, setDepartments] = useState(departmentsText(saved.eligibility));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [act, failure] = useAction(onProgrammeChange);
  const frozen = programme.status === 'running' || programme.status === 'closed';

  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const withDepartments = (f: Form): Form =>
    f.eligibility.kind === 'departments'
      ? {
          ...f,
          eligibility: {
            kind: 'departments',
            departments: departments
              .split(',')
              .map((d) => d.trim())
              .filter(Boolean),
          },
        }
      : f;
  const next = withDepartments(form);
  const changes = changesOf(saved, next);
  const { kind: _kind, ...editable } = changes;
  const effects = editEffects(
    programme.status,
    Object.keys(changes) as (keyof ProgrammeSettings)[],
  );

  function save(event: FormEvent) {
    event.preventDefault();
    const parsed = ProgrammeSettingsSchema.safeParse(editable);
    const found = parsed.success ? {} : settingsErrors(t, parsed.error.issues);
    const order = datesInOrder(next);
    if (order?.code === 'datesOutOfOrder') {
      found[order.field] ??= t(`validation.datesOutOfOrder.${order.field}`);
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`setting-${first.replace('.', '-')}`)?.focus();
      return;
    }
    void act(() => calls.edit(programme, editable));
  }

  const error = (field: string) => errors[field];
  const id = (field: string) => `setting-${field.replace('.', '-')}`;
  const setEligibility = (kind: Eligibility['kind']) =>
    set(
      'eligibility',
      kind === 'everyone'
        ? { kind }
        : kind === 'departments'
          ? { kind, departments: [] }
          : {
              kind,
              personIds: form.eligibility.kind === 'people' ? form.eligibility.personIds : [],
            },
    );
  const moveQuestion = (from: number, to: number) => {
    const list = [...form.questions];
    const [q] = list.splice(from, 1);
    list.splice(to, 0, q!);
    set('questions', list);
  };

  return (
    <form className={styles.form} onSubmit={save} noValidate aria-labelledby="settings-title">
      <Subtitle2 as="h3" id="settings-title">
        {t('admin.settings.title')}
      </Subtitle2>
      {frozen && (
        <MessageBar intent="info">
          <MessageBarBody>{t('admin.settings.frozen')}</MessageBarBody>
        </MessageBar>
      )}
      {failure !== undefined && <ErrorState error={failure} />}
      <fieldset disabled={frozen} className={styles.group} style={{ border: 'none', padding: 0 }}>
        <div className={styles.row}>
          <Field
            className={styles.grow}
            label={t('admin.settings.name')}
            validationMessage={error('name')}
            required
          >
            <Input id={id('name')} value={form.name} onChange={(_, d) => set('name', d.value)} />
          </Field>
          <Field label={t('admin.settings.kind')} hint={t('admin.settings.kindHint')}>
            <Dropdown
              value={t(`programmes.kind.${form.kind}`)}
              selectedOptions={[form.kind]}
              disabled
            >
              {PROGRAMME_KINDS.map((k) => (
                <Option key={k} value={k}>
                  {t(`programmes.kind.${k}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
        <Field
          label={t('admin.settings.objectives')}
          hint={t('admin.settings.objectivesHint')}
          validationMessage={error('objectives')}
        >
          <Textarea
            id={id('objectives')}
            resize="vertical"
            value={form.objectives}
            onChange={(_, d) => set('objectives', d.value)}
          />
        </Field>
        {(['es', 'en'] as const).map((lang) => (
          <Field
            key={lang}
            label={t('admin.settings.description', { language: t(`language.${lang}`) })}
            validationMessage={error(`description.${lang}`)}
          >
            <Textarea
              id={id(`description.${lang}`)}
              lang={lang}
              resize="vertical"
              value={form.description[lang]}
              onChange={(_, d) => set('description', { ...form.description, [lang]: d.value })}
            />
          </Field>
        ))}
      </fieldset>

      <fieldset disabled={frozen} className={styles.group} style={{ border: 'none', padding: 0 }}>
        <Field label={t('admin.settings.eligibility')} validationMessage={error('eligibility')}>
          <RadioGroup
            id={id('eligibility')}
            value={form.eligibility.kind}
            onChange={(_, d) => setEligibility(d.value as Eligibility['kind'])}
          >
            {(['everyone', 'departments', 'people'] as const).map((k) => (
              <Radio key={k} value={k} label={t(`admin.settings.eligibilityKind.${k}`)} />
            ))}
          </RadioGroup>
        </Field>
        {form.eligibility.kind === 'departments' && (
          <Field label={t('admin.settings.departments')} hint={t('admin.settings.departmentsHint')}>
            <Input value={departments} onChange={(_, d) => setDepartments(d.value)} />
          </Field>
        )}
        {form.eligibility.kind === 'people' && (
          <PeoplePicker
            label={t('admin.settings.namedPeople')}
            value={form.eligibility.personIds}
            onChange={(personIds) => set('eligibility', { kind: 'people', personIds })}
          />
        )}
        <PeoplePicker
          label={t('admin.settings.pilotGroup')}
          hint={t('admin.settings.pilotGroupHint')}
          value={form.pilotGroup}
          onChange={(ids) => set('pilotGroup', ids)}
          validationMessage={error('pilotGroup')}
        />
      </fieldset>

      <fieldset disabled={frozen} className={styles.group} style={{ border: 'none', padding: 0 }}>
        <div className={styles.row}>
          {NUMBERS.map((key) => (
            <Field
              key={key}
              className={styles.number}
              label={t(`admin.settings.${key}`)}
              validationMessage={error(key)}
            >
              <Input
                id={id(key)}
                type="number"
                inputMode="numeric"
                value={Number.isNaN(form[key]) ? '' : String(form[key])}
                onChange={(_, d) => set(key, d.value === '' ? Number.NaN : Number(d.value))}
              />
            </Field>
          ))}
        </div>
        <Field label={t('admin.settings.hierarchyRule')}>
          <RadioGroup
            value={form.hierarchyRule}
            onChange={(_, d) => set('hierarchyRule', d.value as Form['hierarchyRule'])}
          >
            {(['chain', 'directManager'] as const).map((rule) => (
              <Radio
                key={rule}
                value={rule}
                label={{
                  children: (
                    <>
                      {t(`admin.settings.rule.${rule}`)}
                      <br />
                      <Caption1>{t(`admin.settings.rule.${rule}Explained`)}</Caption1>
                    </>
                  ),
                }}
              />
            ))}
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          {DAYS.map((key) => (
            <Field key={key} label={t(`admin.settings.${key}`)} validationMessage={error(key)}>
              <Input
                id={id(key)}
                type="date"
                value={form[key] ?? ''}
                onChange={(_, d) => set(key, d.value === '' ? null : d.value)}
              />
            </Field>
          ))}
        </div>
      </fieldset>

      <fieldset disabled={frozen} className={styles.group} style={{ border: 'none', padding: 0 }}>
        <Subtitle2 as="h4">{t('admin.settings.questions')}</Subtitle2>
        <Caption1>{t('admin.settings.questionsHint')}</Caption1>
        {form.questions.map((q, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a question is its place in the list
          <div key={i} className={styles.question}>
            <Field
              className={styles.grow}
              label={t('admin.settings.question', { number: i + 1 })}
              validationMessage={error(`questions.${i}`)}
            >
              <Input
                id={id(`questions.${i}`)}
                value={q}
                onChange={(_, d) =>
                  set(
                    'questions',
                    form.questions.map((x, k) => (k === i ? d.value : x)),
                  )
                }
              />
            </Field>
            <Button
              icon={<ArrowUpRegular />}
              aria-label={t('admin.settings.questionUp', { number: i + 1 })}
              disabled={i === 0}
              onClick={() => moveQuestion(i, i - 1)}
            />
            <Button
              icon={<ArrowDownRegular />}
              aria-label={t('admin.settings.questionDown', { number: i + 1 })}
              disabled={i === form.questions.length - 1}
              onClick={() => moveQuestion(i, i + 1)}
            />
            <Button
              icon={<DeleteRegular />}
              aria-label={t('admin.settings.questionRemove', { number: i + 1 })}
              onClick={() =>
                set(
                  'questions',
                  form.questions.filter((_, k) => k !== i),
                )
              }
            />
          </div>
        ))}
        <div>
          <Button
            disabled={form.questions.length >= 10}
            onClick={() => set('questions', [...form.questions, ''])}
          >
            {t('admin.settings.addQuestion')}
          </Button>
        </div>
        <PeoplePicker
          label={t('admin.settings.owners')}
          hint={t('admin.settings.ownersHint')}
          value={form.owners}
          onChange={(ids) => set('owners', ids)}
          validationMessage={error('owners')}
        />
      </fieldset>

      {effects.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('admin.settings.effectsIntro')}
            <ul>
              {effects.map((e) => (
                <li key={e}>{t(`admin.settings.effect.${e}`)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {!frozen && (
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={Object.keys(editable).length === 0}>
            {t('admin.settings.save')}
          </Button>
          <Button
            disabled={Object.keys(changes).length === 0}
            onClick={() => {
              setForm(saved);
              setDepartments(departmentsText(saved.eligibility));
              setErrors({});
            }}
          >
            {t('admin.settings.undo')}
          </Button>
        </div>
      )}
    </form>
  );
}
