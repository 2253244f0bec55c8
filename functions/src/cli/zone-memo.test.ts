import { describe, expect, it } from 'vitest';
import { zoneOffsets } from '../domain/matching/score';
import type { CliCache } from './command';
import { rememberedZoneOffsets } from './zone-memo';

function memoryCache(files: Record<string, string> = {}) {
  const writes: string[] = [];
  const cache: CliCache = {
    read: (name) => files[name],
    write: (name, text) => {
      files[name] = text;
      writes.push(name);
    },
  };
  return { cache, files, writes };
}

const ZONES = [
  'Europe/Madrid',
  'America/Mexico_City',
  'Atlantic/Canary',
  'Asia/Kolkata',
  'Nowhere/Else',
];

describe('time-zone offsets remembered between runs', () => {
  it('answers what zoneOffsets answers, unknown zones included, from ICU and then from the cache', () => {
    const { cache, files, writes } = memoryCache();
    const first = rememberedZoneOffsets(cache);
    expect(ZONES.map(first.offsetsOf)).toEqual(ZONES.map(zoneOffsets));
    first.save();
    expect(writes).toHaveLength(1);
    const [name] = Object.keys(files);
    expect(name).toContain(`tz${process.versions.tz}`);
    // The next run reads the file: same answers, nothing new to write.
    const second = rememberedZoneOffsets(cache);
    expect(ZONES.map(second.offsetsOf)).toEqual(ZONES.map(zoneOffsets));
    second.save();
    expect(writes).toHaveLength(1);
  });

  it('trusts the file for what it says (it is the process’s own) and writes when it learns a zone', () => {
    const probe = memoryCache();
    rememberedZoneOffsets(probe.cache).save(); // nothing learnt: nothing written
    expect(probe.writes).toEqual([]);
    const first = rememberedZoneOffsets(probe.cache);
    first.offsetsOf('Europe/Madrid');
    first.save();
    const [name] = probe.writes;
    const { cache, writes, files } = memoryCache({ [name!]: '{"Europe/Madrid":[7,7]}' });
    const memo = rememberedZoneOffsets(cache);
    expect(memo.offsetsOf('Europe/Madrid')).toEqual([7, 7]);
    memo.offsetsOf('Atlantic/Canary');
    memo.save();
    expect(writes).toEqual([name]);
    expect(JSON.parse(files[name!]!)).toEqual({
      'Europe/Madrid': [7, 7],
      'Atlantic/Canary': zoneOffsets('Atlantic/Canary'),
    });
  });

  it.each([
    'not json',
    '[]',
    'null',
    '{"Europe/Madrid":"1"}',
    '{"Europe/Madrid":[]}',
    '{"Europe/Madrid":[1,null]}',
  ])('ignores a damaged cache file (%s) and writes it again', (text) => {
    const first = rememberedZoneOffsets(undefined);
    first.offsetsOf('Europe/Madrid');
    const name = `zone-offsets-icu${process.versions.icu}-tz${process.versions.tz}.json`;
    const { cache, files } = memoryCache({ [name]: text });
    const memo = rememberedZoneOffsets(cache);
    expect(memo.offsetsOf('Europe/Madrid')).toEqual(zoneOffsets('Europe/Madrid'));
    memo.save();
    expect(JSON.parse(files[name]!)).toEqual({ 'Europe/Madrid': zoneOffsets('Europe/Madrid') });
  });
});
