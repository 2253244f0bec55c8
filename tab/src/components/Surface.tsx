import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { ComponentPropsWithoutRef } from 'react';

// Fluent's Card (filled, medium), drawn with the same tokens. Card's value is focus handling for
// cards that are themselves interactive or selectable; it brings tabster's focus groups (≈ 20 kB
// gzip) to do it. The home page's cards are static surfaces whose buttons are the interactive
// parts, and the home page is every first load (issue #8: initial JavaScript ≤ 150 kB gzip).
const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px',
    boxSizing: 'border-box',
    position: 'relative',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow4,
    // Transparent, except in high contrast where it outlines the card, as Card's border does.
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorTransparentStroke),
  },
});

/** A card-like surface for static content: a group, as Fluent's Card is. */
export function Surface({ className, ...props }: ComponentPropsWithoutRef<'div'>) {
  const styles = useStyles();
  return (
    // biome-ignore lint/a11y/useSemanticElements: Fluent's Card is a div with role=group; a fieldset is for form controls
    <div role="group" {...props} className={mergeClasses(styles.root, className)} />
  );
}
