import { Body, Controller, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Matches } from 'class-validator';
import type { AuthorizationResponse } from '@kessai/processor-contracts';
import { AUTHORIZATION_OPTIONS, AuthorizationOptions } from '../../authorization.options';
import { toAuthorizationResponse } from '../../http/authorization.response';
import { CancelAuthorizationHandler } from './cancel-authorization.handler';

export class CancelAuthorizationRequestDto {
  @Matches(/^[\w-]{1,64}$/, { message: 'merchantId must be 1 to 64 letters, digits, _ or -' })
  merchantId: string;
}

@Controller('v1/authorizations')
export class CancelAuthorizationHttpController {
  constructor(
    private readonly handler: CancelAuthorizationHandler,
    @Inject(AUTHORIZATION_OPTIONS) private readonly options: AuthorizationOptions,
  ) {}

  @Post(':authorizationId/cancel')
  @HttpCode(HttpStatus.OK)
  async cancel(
    @Param('authorizationId', new ParseUUIDPipe()) authorizationId: string,
    @Body() body: CancelAuthorizationRequestDto,
  ): Promise<AuthorizationResponse> {
    return toAuthorizationResponse(await this.handler.execute(body.merchantId, authorizationId), this.options.publicUrl);
  }
}
