export { HealthController } from './lib/health.controller';
export { ShutdownState } from './lib/shutdown-state';
export { READINESS_CHECKS, type ReadinessCheck } from './lib/readiness-check';
