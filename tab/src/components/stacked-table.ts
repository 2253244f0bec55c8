import { makeStyles, tokens } from '@fluentui/react-components';

/** Below this width a table's rows become cards: a label beside each value, nothing sideways. */
const NARROW = '@media (max-width: 640px)';

/**
 * Tables that read as lists on a phone or a narrow Teams pane (from 320 px wide): each row a
 * block, each cell a line led by its column's name (the cell's `data-label`), the header row hidden
 * (it is still read by screen readers through the table's own semantics on wide screens).
 */
export const useStackedTable = makeStyles({
  table: {
    [NARROW]: { display: 'block', width: '100%' },
  },
  body: {
    [NARROW]: { display: 'block' },
  },
  header: {
    [NARROW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
    },
  },
  row: {
    [NARROW]: {
      display: 'block',
      paddingTop: tokens.spacingVerticalS,
      paddingBottom: tokens.spacingVerticalS,
    },
  },
  cell: {
    [NARROW]: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'baseline',
      gap: tokens.spacingHorizontalS,
      height: 'auto',
      minHeight: '32px',
      '::before': {
        content: 'attr(data-label)',
        fontWeight: tokens.fontWeightSemibold,
        minWidth: '96px',
      },
    },
  },
});
