import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; value: T };

/**
 * Runs a load when its inputs change; exposes loading / error / ready and a reload. `initial` may
 * give the value at once (an answer already at hand): the first load is then skipped.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: unknown[],
  initial?: () => T | undefined,
) {
  const [state, setState] = useState<AsyncState<T>>(() => {
    const value = initial?.();
    return value === undefined ? { status: 'loading' } : { status: 'ready', value };
  });
  const skipFirstLoad = useRef(state.status === 'ready');
  // A reload (after an edit) keeps what is on screen until the fresh answer arrives, so focus and
  // scroll stay where the person was; new inputs (another programme, another pair) start afresh.
  const reloading = useRef(false);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists the inputs
  useEffect(() => {
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    let live = true;
    const keep = reloading.current;
    reloading.current = false;
    setState((previous) =>
      keep && previous.status === 'ready' ? previous : { status: 'loading' },
    );
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt]);
  const reload = useCallback(() => {
    reloading.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return [state, reload] as const;
}

/**
 * Runs a user's action (a click that writes), then `after` (usually a reload); keeps the failure
 * to show in words.
 */
export function useAction(after: () => void) {
  const [failure, setFailure] = useState<unknown>();
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setFailure(undefined);
      try {
        await action();
        after();
      } catch (error) {
        setFailure(error);
      }
    },
    [after],
  );
  return [run, failure] as const;
}
