export { AuthorizationsModule } from './lib/authorizations.module';
export type { AuthorizationOptions } from './lib/authorization.options';
