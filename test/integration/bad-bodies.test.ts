import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { routes } from '../../functions/src/http/routes';
import { localStackForFile } from './stack-for-file';

const HR = 'Lucía Fernández';

const { api } = localStackForFile();

/** A path for the route with well-formed parameters (ids that exist nowhere). */
function pathOf(path: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) =>
    name === 'index' ? '0' : crypto.randomUUID(),
  );
}

/**
 * Bodies as they travel: what JSON.stringify makes of a value (`{"": undefined}` goes out as `{}`),
 * so the schema judges the very body the route receives.
 */
const junk = fc
  .oneof(
    fc.anything(),
    fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 4 }),
    fc.array(fc.anything(), { maxLength: 3 }),
  )
  .map((value) => JSON.stringify(value))
  .filter((text): text is string => text !== undefined)
  .map((text) => JSON.parse(text) as unknown);

/**
 * Every write route of the table, whatever its contract, answers a body its schema refuses with a
 * 400 that names the body — before any handler runs, so nothing stored can change. Generated from
 * the route table: a new write route is covered the day it is added.
 */
describe('bodies the contract refuses, on every write route', () => {
  const writes = routes.filter((r) => r.request?.body);

  it('covers the write routes', () => {
    expect(writes.length).toBeGreaterThan(20);
  });

  for (const route of writes) {
    it(`${route.method} ${route.path} (${route.name})`, async () => {
      const schema = route.request!.body as ZodType;
      await fc.assert(
        fc.asyncProperty(
          junk.filter((body) => !schema.safeParse(body).success),
          async (body) => {
            const r = await api(HR, route.method, pathOf(route.path), {
              body: JSON.stringify(body),
              headers: { 'if-match': '*' },
            });
            expect(r.status, JSON.stringify(body)).toBe(400);
            expect(r.headers.get('content-type')).toBe('application/problem+json');
            expect(r.body.errors.every((e: { path: string }) => e.path.startsWith('body'))).toBe(
              true,
            );
          },
        ),
        { numRuns: 15 },
      );
    });
  }
});
