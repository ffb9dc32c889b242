export { loggerOptions, REDACTED_PATHS } from './lib/logger-options';
