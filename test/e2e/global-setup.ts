import { ensureTabBuilt } from '../sim/build-tab';

/** Browser tests run against the built tab, as `npm start` serves it. */
export default async function setup(): Promise<void> {
  await ensureTabBuilt({ quiet: true });
}
