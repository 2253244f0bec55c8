/**
 * The catalogue's sections (top-level keys of en.json and es.json) the first screen can read:
 * the shell, home with its programme and pair cards, errors and the matcher's reasons (an error on
 * the first screen is worded from them), the local sign-in and demo clock. The first load fetches
 * only these (tab/vite.config.ts, catalogueParts); every other screen loads the rest with its own
 * code (SignedIn.tsx). `sections.test.ts` fails when a file the first screen imports names a key of
 * a section missing here.
 */
export const START_SECTIONS = [
  'app',
  'signIn',
  'home',
  'errors',
  'language',
  'programmes',
  'apply',
  'pairs',
  'pair',
  'pairEnded',
  'reasons',
  'slots',
  'advisor',
  'demo',
] as const;
