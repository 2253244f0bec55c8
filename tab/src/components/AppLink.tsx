import { Link, type LinkProps } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';

/**
 * A link to another screen of the tab, styled as Teams styles links (Fluent's Link: the theme's
 * link colours in light, dark and high contrast), followed without reloading the page.
 */
export function AppLink({
  href,
  children,
  className,
  'aria-label': ariaLabel,
}: {
  href: string;
  children: ReactNode;
  className?: string;
  'aria-label'?: LinkProps['aria-label'];
}) {
  return (
    <RouterLink href={href} asChild>
      <Link className={className} aria-label={ariaLabel}>
        {children}
      </Link>
    </RouterLink>
  );
}
