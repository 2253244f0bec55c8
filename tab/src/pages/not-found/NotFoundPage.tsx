import { Body1, Link, Title2 } from '@fluentui/react-components';
import { Link as RouterLink } from 'wouter';
import { useTranslation } from '../../i18n/react';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <Title2 as="h1">{t('notFound.title')}</Title2>
      <Body1 as="p">
        {t('notFound.body')}{' '}
        <RouterLink href="/" asChild>
          <Link>{t('notFound.home')}</Link>
        </RouterLink>
      </Body1>
    </section>
  );
}
