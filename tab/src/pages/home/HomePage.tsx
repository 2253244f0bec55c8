import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Subtitle1,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useLocation } from 'wouter';
import type { ApplicationView, ProgrammeView } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useSession } from '../../components/session';
import { useAsync } from '../../components/useAsync';
import { useTranslation } from '../../i18n/react';
import { ApplicationStanding } from './ApplicationStanding';
import { MyPairs } from './MyPairs';

const useStyles = makeStyles({
  roles: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(300px, 100%), 1fr))',
  },
  heading: { display: 'flex', flexDirection: 'column' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  objectives: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  manage: { color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightSemibold },
});

const ACCEPTING = new Set(['open', 'pilot']);

function ProgrammeCard({
  programme,
  application,
}: {
  programme: ProgrammeView;
  application?: ApplicationView;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [, navigate] = useLocation();
  // The external advisor follows programmes; taking part is for the organisation's people.
  const { me } = useSession();
  return (
    <Surface>
      <div className={styles.heading}>
        <Subtitle1 as="h3">{programme.name}</Subtitle1>
        <span className={styles.meta}>
          <Caption1>{t(`programmes.kind.${programme.kind}`)}</Caption1>
          <Badge appearance="tint" color={programme.status === 'open' ? 'success' : 'informative'}>
            {t(`programmes.status.${programme.status}`)}
          </Badge>
        </span>
      </div>
      <Body1 className={styles.objectives}>{programme.objectives}</Body1>
      <Caption1>
        {t('programmes.plan', {
          count: programme.plannedSessions,
          months: programme.durationMonths,
          minutes: programme.sessionMinutes,
        })}
      </Caption1>
      {application ? (
        <div>
          <Text weight="semibold">{t('programmes.yourApplication')}: </Text>
          {/* Once the programme moved on, where they stand says it all: no stale "Submitted". */}
          {STATUS_STILL_SAYS_IT.has(application.outcome) && (
            <Text>{t(`programmes.applicationStatus.${application.status}`)}</Text>
          )}
          <ApplicationStanding application={application} />
        </div>
      ) : (
        ACCEPTING.has(programme.status) &&
        !me.isAdvisor && (
          <Button
            appearance="primary"
            aria-label={t('programmes.applyTo', { name: programme.name })}
            onClick={() => navigate(`/programmes/${programme.id}/apply`)}
          >
            {t('programmes.apply')}
          </Button>
        )
      )}
    </Surface>
  );
}

/** Outcomes beside which the application's own status still helps (the call is still open). */
const STATUS_STILL_SAYS_IT = new Set<ApplicationView['outcome']>([
  undefined,
  'underReview',
  'approved',
]);

/** Programmes open to the viewer, each with the viewer's application to it if there is one. */
function rowsOf(list: ProgrammeView[], mine: ApplicationView[]) {
  const byProgramme = new Map(mine.map((a) => [a.programmeId, a]));
  return list
    .filter((p) => p.status !== 'draft')
    .map((programme) => ({ programme, application: byProgramme.get(programme.id) }));
}

type Listed<T> = { value: T[] };

export function HomePage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { me, api, inHost } = useSession();
  const [programmes, reload] = useAsync(
    async () => rowsOf(...(await Promise.all([api.listProgrammes(), api.myApplications()]))),
    [api],
    () => {
      // Fetched at start-up: when both answers are already here the list renders at once.
      const answers = api.arrived(['/programmes', '/applications/me']) as
        | [Listed<ProgrammeView>, Listed<ApplicationView>]
        | undefined;
      return answers && rowsOf(answers[0].value, answers[1].value);
    },
  );

  const sent = new URLSearchParams(window.location.search).has('sent');
  return (
    <>
      {sent && (
        <MessageBar intent="success">
          <MessageBarBody>{t('apply.sent')}</MessageBarBody>
        </MessageBar>
      )}
      <Surface>
        {inHost ? (
          // Teams and Outlook already say who is signed in: a title, not a greeting card.
          <Title2 as="h1">{t('home.title')}</Title2>
        ) : (
          <>
            <Title2 as="h1">{t('home.greeting', { name: me.name })}</Title2>
            <Caption1>{t('home.signedInAs', { username: me.username })}</Caption1>
            <section aria-label={t('home.yourRoles')} className={styles.roles}>
              {(me.roles.length > 0 ? me.roles : ['employee']).map((role) => (
                <Badge key={role} appearance="tint">
                  {t(`signIn.roles.${role}`, { defaultValue: role })}
                </Badge>
              ))}
            </section>
          </>
        )}
        {me.isAdmin && (
          <AppLink href="/admin" className={styles.manage}>
            {t('programmes.manage')}
          </AppLink>
        )}
        {me.isAdvisor && (
          <AppLink href="/advisor" className={styles.manage}>
            {t('advisor.link')}
          </AppLink>
        )}
      </Surface>
      <MyPairs />
      <section aria-labelledby="programmes-title" className={styles.section}>
        <Subtitle1 as="h2" id="programmes-title">
          {t('programmes.title')}
        </Subtitle1>
        {programmes.status === 'loading' && <Spinner label={t('app.loading')} />}
        {programmes.status === 'error' && <ErrorState error={programmes.error} onRetry={reload} />}
        {programmes.status === 'ready' &&
          (programmes.value.length === 0 ? (
            <Body1 as="p">{t('programmes.empty')}</Body1>
          ) : (
            <ul className={styles.list}>
              {programmes.value.map(({ programme, application }) => (
                <li key={programme.id}>
                  <ProgrammeCard programme={programme} application={application} />
                </li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
