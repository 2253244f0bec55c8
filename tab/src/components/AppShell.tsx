import { Button, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useTranslation } from '../i18n/react';
import { useSession } from './session';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  brand: { color: tokens.colorBrandForeground1, textDecorationLine: 'none' },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  main: {
    maxWidth: '1080px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

/**
 * The frame of every signed-in screen. In a plain browser (the local demo): brand, who is signed
 * in, sign-out. Inside a Microsoft 365 host only the page: the host's own chrome names the app
 * and the person.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { me, signOut, inHost } = useSession();
  if (inHost) return <main className={styles.main}>{children}</main>;
  return (
    <>
      <header className={styles.header}>
        <Link href="/" className={styles.brand}>
          <Subtitle2>{t('app.name')}</Subtitle2>
        </Link>
        <div className={styles.user}>
          <Text>{me.name}</Text>
          {signOut && (
            <Button appearance="subtle" onClick={signOut}>
              {t('signIn.signOut')}
            </Button>
          )}
        </div>
      </header>
      <main className={styles.main}>{children}</main>
    </>
  );
}
