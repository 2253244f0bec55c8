import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  Subtitle1,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ActivityView } from '../../api/pairs';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useAction } from '../../components/useAsync';
import { formatDate } from '../../i18n/format';
import { useTranslation } from '../../i18n/react';
import { useLocale } from '../../i18n/use-locale';
import { useSectionStyles } from './AgendaSection';
import type { SectionProps } from './PairPage';

const KINDS: ActivityView['kind'][] = ['shadowing', 'negotiationPractice', 'visit'];

/** Executive programmes' activities: shadowing, negotiation practice, visits (PRODUCT rule 7). */
export function ActivitiesSection({ space, pairs, onChange }: SectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useSectionStyles();
  const [kind, setKind] = useState<ActivityView['kind']>('shadowing');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const [act, failure] = useAction(onChange);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!date || !description.trim()) return;
    void act(async () => {
      await pairs.addActivity(space.pair.id, { kind, date, description: description.trim() });
      setDescription('');
    });
  };
  const activities = space.activities ?? [];
  return (
    <Surface aria-labelledby="activities-title">
      <Subtitle1 as="h2" id="activities-title">
        {t('pair.activities.title')}
      </Subtitle1>
      {failure !== undefined && <ErrorState error={failure} />}
      {activities.length === 0 ? (
        <Body1>{t('pair.activities.empty')}</Body1>
      ) : (
        <ul className={styles.list}>
          {activities.map((a) => (
            <li key={a.id}>
              <Body1 as="p">
                <strong>{t(`pair.activities.kind.${a.kind}`)}</strong> — {a.description}
              </Body1>
              <Caption1>
                {formatDate(`${a.date}T12:00:00Z`, locale)}
                {a.outcome && ` · ${a.outcome}`}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.form} onSubmit={add}>
        <div className={styles.row}>
          <Field label={t('pair.activities.kindLabel')}>
            <Dropdown
              value={t(`pair.activities.kind.${kind}`)}
              selectedOptions={[kind]}
              onOptionSelect={(_, d) => setKind(d.optionValue as ActivityView['kind'])}
            >
              {KINDS.map((k) => (
                <Option key={k} value={k}>
                  {t(`pair.activities.kind.${k}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={t('pair.activities.date')}>
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
        </div>
        <Field label={t('pair.activities.description')}>
          <Input
            value={description}
            onChange={(_, d) => setDescription(d.value)}
            maxLength={1000}
          />
        </Field>
        <div>
          <Button type="submit" disabled={!date || !description.trim()}>
            {t('pair.add')}
          </Button>
        </div>
      </form>
    </Surface>
  );
}
