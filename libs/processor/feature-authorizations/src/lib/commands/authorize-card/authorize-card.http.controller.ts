import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AuthorizationResponse } from '@kessai/processor-contracts';
import { AUTHORIZATION_OPTIONS, AuthorizationOptions } from '../../authorization.options';
import { NetworkLatency } from '../../network-latency';
import { AuthorizeCardCommand } from './authorize-card.command';
import { AuthorizeCardHandler } from './authorize-card.handler';
import { AuthorizeCardRequestDto } from './authorize-card.request.dto';

@Controller('v1/authorizations')
export class AuthorizeCardHttpController {
  constructor(
    private readonly handler: AuthorizeCardHandler,
    private readonly latency: NetworkLatency,
    @Inject(AUTHORIZATION_OPTIONS) private readonly options: AuthorizationOptions,
  ) {}

  /** 200 with status approved, declined or challenge_required; errors (503, 504, 409, 404) are not answers. */
  @Post()
  @HttpCode(HttpStatus.OK)
  async authorize(@Body() body: AuthorizeCardRequestDto): Promise<AuthorizationResponse> {
    await this.latency.wait();
    const [result] = await this.handler.execute([
      new AuthorizeCardCommand(body.merchantId, body.cardId, body.amount, body.currency, body.idempotencyKey),
    ]);
    if ('authorization' in result) return result.authorization;
    // The timeout card hangs like an issuer that never answers, then the network gives up.
    if (result.error.code === 'PROCESSOR_AUTHORIZATION_TIMEOUT') await sleep(this.options.timeoutAfterMs);
    throw result.error;
  }
}
