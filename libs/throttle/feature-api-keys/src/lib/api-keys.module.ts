import { DynamicModule, Module } from '@nestjs/common';
import { ApiKeyRepository } from '@kessai/throttle-data-access';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { API_KEYS_OPTIONS, ApiKeysOptions } from './api-keys.options';
import { IssueApiKeyHandler } from './commands/issue-api-key/issue-api-key.handler';
import { RevokeApiKeyHandler } from './commands/revoke-api-key/revoke-api-key.handler';
import { RotateApiKeyHandler } from './commands/rotate-api-key/rotate-api-key.handler';

const HANDLERS = [IssueApiKeyHandler, RotateApiKeyHandler, RevokeApiKeyHandler];

@Module({})
export class ApiKeysModule {
  static forRoot(options: ApiKeysOptions): DynamicModule {
    return {
      module: ApiKeysModule,
      global: true,
      providers: [{ provide: API_KEYS_OPTIONS, useValue: options }, ApiKeyRepository, ApiKeyAuthenticator, ...HANDLERS],
      exports: [ApiKeyAuthenticator, ...HANDLERS],
    };
  }
}
