import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './client';

/** A fake API: answers each GET with its path and how many times it was asked. */
function fakeApi(status = 200) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      const body = { value: [{ url, call: calls.length }] };
      return new Response(JSON.stringify(status === 200 ? body : { title: 'Boom' }), {
        status,
        headers: {
          'content-type': status === 200 ? 'application/json' : 'application/problem+json',
        },
      });
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('prefetch', () => {
  it('sends every request at once and hands each answer to the first screen that asks', async () => {
    const calls = fakeApi();
    const api = createApiClient('/api', async () => 'token');
    api.prefetch(['/programmes', '/applications/me']);
    await vi.waitFor(() => expect(calls).toEqual(['/api/programmes', '/api/applications/me']));
    const [programmes, mine] = await Promise.all([api.listProgrammes(), api.myApplications()]);
    expect(programmes).toEqual([{ url: '/api/programmes', call: 1 }]);
    expect(mine).toEqual([{ url: '/api/applications/me', call: 2 }]);
    expect(calls).toHaveLength(2);
  });

  it('answers from the network again once the early answer was used (a reload is fresh)', async () => {
    const calls = fakeApi();
    const api = createApiClient('/api', async () => 'token');
    api.prefetch(['/programmes']);
    await api.listProgrammes();
    expect(await api.listProgrammes()).toEqual([{ url: '/api/programmes', call: 2 }]);
    expect(calls).toHaveLength(2);
  });

  it('gives the screen the failure of an early request, as if it had asked itself', async () => {
    fakeApi(503);
    const api = createApiClient('/api', async () => 'token');
    api.prefetch(['/programmes']);
    const failure = await api.listProgrammes().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(503);
  });

  it('never serves an early answer to a screen opened long after start-up', async () => {
    const calls = fakeApi();
    vi.useFakeTimers({ toFake: ['performance'] });
    const api = createApiClient('/api', async () => 'token');
    api.prefetch(['/programmes']);
    vi.advanceTimersByTime(60_000);
    expect(await api.listProgrammes()).toEqual([{ url: '/api/programmes', call: 2 }]);
    expect(calls).toHaveLength(2);
  });

  it('hands over answers once they have all arrived, and only once', async () => {
    const calls = fakeApi();
    const api = createApiClient('/api', async () => 'token');
    api.prefetch(['/programmes', '/applications/me']);
    expect(api.arrived(['/programmes', '/applications/me'])).toBeUndefined();
    let answers: unknown[] | undefined;
    await vi.waitFor(() => {
      answers = api.arrived(['/programmes', '/applications/me']);
      expect(answers).toBeDefined();
    });
    expect(answers).toEqual([
      { value: [{ url: '/api/programmes', call: 1 }] },
      { value: [{ url: '/api/applications/me', call: 2 }] },
    ]);
    expect(api.arrived(['/programmes'])).toBeUndefined();
    expect(await api.listProgrammes()).toEqual([{ url: '/api/programmes', call: 3 }]);
    expect(calls).toHaveLength(3);
  });

  it('never hands over a failure as an answer: the screen asks and reads the error', async () => {
    fakeApi(503);
    const api = createApiClient('/api', async () => 'token');
    api.prefetch(['/programmes']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(api.arrived(['/programmes'])).toBeUndefined();
    await expect(api.listProgrammes()).rejects.toBeInstanceOf(ApiError);
  });
});
