import {
  Avatar,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  SearchBox,
  Spinner,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useDeferredValue, useState } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Surface } from '../../components/Surface';
import { useAsync } from '../../components/useAsync';
import type { DemoPerson, LocalSignIn } from '../../host/local-sign-in';
import { useTranslation } from '../../i18n/react';
import type { TFunction } from '../../i18n/translator';

const useStyles = makeStyles({
  main: {
    maxWidth: '720px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  person: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    justifyContent: 'flex-start',
    width: '100%',
    textAlign: 'start',
  },
  who: { display: 'flex', flexDirection: 'column' },
  roles: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * Whom the visitor would be: the app roles (HR, advisor, or employee) and, in the seeded demo,
 * "mentee in …" / "mentor in …", so the sign-in says whom to pick for each journey.
 */
function rolesOf(person: DemoPerson, t: TFunction): string {
  const roles = person.roles.length > 0 ? person.roles : ['employee'];
  return [
    ...roles.map((role) => t(`signIn.roles.${role}`, { defaultValue: t('signIn.roles.employee') })),
    ...(person.participation ?? []).map((p) =>
      t(`demo.signIn.${p.role}`, { programme: p.programme }),
    ),
  ].join(' · ');
}

/** Outside Teams: choose a demo person to act as (the local stand-in for Teams SSO). */
export function SignInPage({
  localSignIn,
  onSignedIn,
}: {
  localSignIn: LocalSignIn;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [people, reload] = useAsync(() => localSignIn.people(deferred), [deferred]);
  const [failure, setFailure] = useState<unknown>();

  async function choose(personId: string) {
    try {
      await localSignIn.signIn(personId);
      onSignedIn();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <main className={styles.main}>
      <Title2 as="h1">{t('signIn.title')}</Title2>
      <Body1 as="p">{t('signIn.intro')}</Body1>
      <Field label={t('signIn.search')}>
        <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      {failure !== undefined && <ErrorState error={failure} />}
      {people.status === 'loading' && <Spinner label={t('app.loading')} />}
      {people.status === 'error' && <ErrorState error={people.error} onRetry={reload} />}
      {people.status === 'ready' &&
        (people.value.length === 0 ? (
          <Body1>{t('signIn.noResults', { query: deferred })}</Body1>
        ) : (
          <ul className={styles.list}>
            {people.value.map((person) => (
              <li key={person.id}>
                <Surface>
                  <Button
                    appearance="transparent"
                    className={styles.person}
                    aria-label={t('signIn.choose', { name: person.displayName })}
                    onClick={() => choose(person.id)}
                  >
                    <Avatar name={person.displayName} aria-hidden />
                    <span className={styles.who}>
                      <Body1>{person.displayName}</Body1>
                      <Caption1>
                        {[person.jobTitle, person.department].filter(Boolean).join(' · ')}
                      </Caption1>
                      <Caption1 className={styles.roles}>{rolesOf(person, t)}</Caption1>
                    </span>
                  </Button>
                </Surface>
              </li>
            ))}
          </ul>
        ))}
    </main>
  );
}
