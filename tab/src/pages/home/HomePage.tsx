import { Badge, Caption1, Card, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../components/session';

const useStyles = makeStyles({
  roles: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function HomePage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { me } = useSession();
  return (
    <Card>
      <Title2 as="h1">{t('home.greeting', { name: me.name })}</Title2>
      <Caption1>{t('home.signedInAs', { username: me.username })}</Caption1>
      <section aria-label={t('home.yourRoles')} className={styles.roles}>
        {(me.roles.length > 0 ? me.roles : ['employee']).map((role) => (
          <Badge key={role} appearance="tint">
            {t(`signIn.roles.${role}`, { defaultValue: role })}
          </Badge>
        ))}
      </section>
    </Card>
  );
}
