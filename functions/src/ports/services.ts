import type { Clock } from './clock';

/**
 * Everything a route handler may reach outside the domain, as ports. Each host (Azure Functions,
 * the local host, tests) builds one of these from its configuration.
 */
export interface Services {
  clock: Clock;
}
