import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiKeyRepository } from '@kessai/throttle-data-access';
import { ApiKeyView, IssueApiKeyHandler, RevokeApiKeyHandler, RotateApiKeyHandler, toApiKeyView } from '@kessai/throttle-feature-api-keys';
import { AdminTokenGuard } from './admin-token.guard';
import { MerchantIdPipe } from './merchant-id.pipe';
import { IssueApiKeyRequestDto, RotateApiKeyRequestDto } from './admin.dto';

/** API keys per merchant. A new key is in the response once (`secret`); it is stored only as a hash. */
@Controller('admin/merchants/:merchantId/api-keys')
@UseGuards(AdminTokenGuard)
export class ApiKeysAdminController {
  constructor(
    private readonly issue: IssueApiKeyHandler,
    private readonly rotate: RotateApiKeyHandler,
    private readonly revoke: RevokeApiKeyHandler,
    private readonly keys: ApiKeyRepository,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(@Param('merchantId', MerchantIdPipe) merchantId: string, @Body() body: IssueApiKeyRequestDto): Promise<ApiKeyView> {
    return (await this.issue.execute(merchantId, body.mode)).view;
  }

  @Get()
  async list(@Param('merchantId', MerchantIdPipe) merchantId: string): Promise<{ apiKeys: ApiKeyView[] }> {
    return { apiKeys: (await this.keys.listOfMerchant(merchantId)).map((key) => toApiKeyView(key)) };
  }

  @Post(':keyId/rotate')
  @HttpCode(HttpStatus.CREATED)
  rotateKey(@Param('merchantId', MerchantIdPipe) merchantId: string, @Param('keyId') keyId: string, @Body() body: RotateApiKeyRequestDto): Promise<{ newKey: ApiKeyView; oldKey: ApiKeyView }> {
    return this.rotate.execute(merchantId, keyId, body.overlapSeconds);
  }

  @Post(':keyId/revoke')
  @HttpCode(HttpStatus.OK)
  revokeKey(@Param('merchantId', MerchantIdPipe) merchantId: string, @Param('keyId') keyId: string): Promise<ApiKeyView> {
    return this.revoke.execute(merchantId, keyId);
  }
}
