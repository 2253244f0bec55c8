import { afterAll, beforeAll } from 'vitest';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../sim/stack';
import { apiAs } from './api-client';
import { asPerson } from './matching-fixture';

/**
 * Something a test file starts once (beforeAll) and uses from its tests: the returned object
 * forwards every property to it, methods bound, so the file's tests name it as if it were the thing
 * itself. Touching it outside a test (before beforeAll ran) is a mistake and says so.
 */
export function startedInBeforeAll<T extends object>(
  what: string,
  current: () => T | undefined,
): T {
  const target = () => {
    const value = current();
    if (!value) throw new Error(`The ${what} starts in beforeAll: use it inside a test or a hook.`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const value = target();
      const property = Reflect.get(value, key);
      return typeof property === 'function' ? property.bind(value) : property;
    },
    set(_, key, value) {
      return Reflect.set(target(), key, value);
    },
    has: (_, key) => Reflect.has(target(), key),
  });
}

/**
 * The header every integration file shares: one local stack for the file, started before its tests
 * and closed after them, with callers for the API by display name (`api`) and by person id (`as`).
 * `ready` runs once the stack is up (fixtures that need it).
 */
export function localStackForFile(
  options: LocalStackOptions = {},
  ready?: (stack: LocalStack) => unknown,
): { stack: LocalStack; api: ReturnType<typeof apiAs>; as: ReturnType<typeof asPerson> } {
  let current: LocalStack | undefined;
  const stack = startedInBeforeAll('local stack', () => current);
  beforeAll(async () => {
    current = await startLocalStack(options);
    await ready?.(stack);
  });
  afterAll(async () => {
    await current?.close();
  });
  const api = apiAs(stack);
  return { stack, api, as: asPerson(stack, api) };
}
