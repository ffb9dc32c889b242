import { Controller, Get } from '@nestjs/common';
import { MERCHANT_API_OPENAPI } from './merchant-api.openapi';

@Controller()
export class OpenApiController {
  /** The one OpenAPI document of the merchant API. */
  @Get('openapi.json')
  document(): typeof MERCHANT_API_OPENAPI {
    return MERCHANT_API_OPENAPI;
  }
}
