import { zoneOffsets } from '../domain/matching/score';
import type { CliCache } from './command';

/**
 * A time zone's offsets, remembered between runs of the command. Asking ICU for the first time
 * zone loads its formatting data, some 25 ms of a process HR and IT time as a whole; the answers
 * for the zones a pool names are kept in the tool cache instead, under the ICU and time-zone data
 * versions they came from, so a Node update with new rules starts afresh. Answers are the very
 * ones `zoneOffsets` gives (an unknown zone is remembered as unknown); a damaged cache file is
 * ignored and written again.
 */
export function rememberedZoneOffsets(cache: CliCache | undefined) {
  const name = `zone-offsets-icu${process.versions.icu ?? '-'}-tz${process.versions.tz ?? '-'}.json`;
  const known = new Map<string, number[] | null>();
  for (const [zone, value] of Object.entries(readCache(cache?.read(name)))) known.set(zone, value);
  let learnt = false;
  return {
    offsetsOf(timeZone: string): number[] | undefined {
      let value = known.get(timeZone);
      if (value === undefined) {
        value = zoneOffsets(timeZone) ?? null;
        known.set(timeZone, value);
        learnt = true;
      }
      return value ?? undefined;
    },
    /** Writes what this run learnt, if anything. */
    save() {
      if (learnt && cache) cache.write(name, JSON.stringify(Object.fromEntries(known)));
    },
  };
}

/** The remembered zones, or nothing when the file is missing or not what this module writes. */
function readCache(text: string | undefined): Record<string, number[] | null> {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const entries = Object.entries(value);
    const valid = entries.every(
      ([, v]) =>
        v === null ||
        (Array.isArray(v) &&
          v.length > 0 &&
          v.every((h) => typeof h === 'number' && Number.isFinite(h))),
    );
    return valid ? (value as Record<string, number[] | null>) : {};
  } catch {
    return {};
  }
}
