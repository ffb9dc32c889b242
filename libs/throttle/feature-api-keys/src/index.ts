export { ApiKeysModule } from './lib/api-keys.module';
export { ApiKeyAuthenticator, type AuthenticatedMerchant } from './lib/api-key-authenticator';
export { IssueApiKeyHandler } from './lib/commands/issue-api-key/issue-api-key.handler';
export { RotateApiKeyHandler } from './lib/commands/rotate-api-key/rotate-api-key.handler';
export { RevokeApiKeyHandler } from './lib/commands/revoke-api-key/revoke-api-key.handler';
export { type ApiKeyView, toApiKeyView } from './lib/api-key.view';
