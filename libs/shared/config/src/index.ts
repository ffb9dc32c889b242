export { loadConfig, redactConfig, ConfigurationError, type Environment } from './lib/load-config';
export { Secret } from './lib/secret.decorator';
export { NotInProduction } from './lib/not-in-production.decorator';
export { ToBoolean, ToInteger, ToList } from './lib/transforms';
export { ServiceConfig } from './lib/service.config';
