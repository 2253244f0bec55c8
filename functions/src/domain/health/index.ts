export { cachedHealthCheck, HEALTH_TTL_MS, isHealthy } from './health-check';
