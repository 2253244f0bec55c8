import type { BackendConfig } from './config';
import { createTokenValidator } from './http/auth';
import { createDispatcher, type Dispatcher } from './http/dispatch';
import { routes } from './http/routes';
import { type Clock, systemClock } from './ports/clock';
import type { Services } from './ports/services';

export interface Composition {
  dispatcher: Dispatcher;
  services: Services;
}

/** The composition root: turns configuration into ports and the request pipeline, for any host. */
export function composeBackend(
  config: BackendConfig,
  options: { clock?: Clock; log?: (message: string, error?: unknown) => void } = {},
): Composition {
  const clock = options.clock ?? systemClock;
  const services: Services = { clock };
  const validator = createTokenValidator(config, () => clock.now());
  return { dispatcher: createDispatcher(routes, validator, services, options.log), services };
}
