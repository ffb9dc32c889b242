import { Body, Controller, Header, HttpCode, HttpStatus, Options, Post } from '@nestjs/common';
import type { CardTokenResponse } from '@kessai/processor-contracts';
import { CreateCardTokenHandler } from './create-card-token.handler';
import { CreateCardTokenRequestDto } from './create-card-token.request.dto';

/** Called from the customer's browser by /v1/tokenize.js, from any merchant page: open to every origin. */
@Controller('v1/tokens')
export class CreateCardTokenHttpController {
  constructor(private readonly handler: CreateCardTokenHandler) {}

  @Options()
  @HttpCode(HttpStatus.NO_CONTENT)
  @Header('access-control-allow-origin', '*')
  @Header('access-control-allow-methods', 'POST')
  @Header('access-control-allow-headers', 'content-type')
  @Header('access-control-max-age', '600')
  preflight(): void {
    return undefined;
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Header('access-control-allow-origin', '*')
  @Header('cache-control', 'no-store')
  create(@Body() body: CreateCardTokenRequestDto): Promise<CardTokenResponse> {
    return this.handler.execute({ number: body.number, expMonth: body.expMonth, expYear: body.expYear, securityCode: body.securityCode });
  }
}
