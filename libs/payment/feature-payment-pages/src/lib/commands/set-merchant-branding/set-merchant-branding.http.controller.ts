import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MerchantBrandingEntity } from '@kessai/payment-data-access';
import { Clock } from '@kessai/shared-clock';
import { MerchantId } from '@kessai/shared-service-runtime';
import { PaymentException } from '../../payment.exception';
import { PaymentPageRenderer } from '../../web/payment-page.renderer';
import { PaymentOperatorGuard } from './operator.guard';
import { SetMerchantBrandingRequestDto, SetPageTemplateRequestDto } from './set-merchant-branding.request.dto';

type BrandingResponse = Omit<MerchantBrandingEntity, 'pageTemplate' | 'updatedAt'> & { hasPageTemplate: boolean; updatedAt: string };

/** Merchants set their branding (through the gateway); operators set a merchant's own page template. */
@Controller()
export class SetMerchantBrandingHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: PaymentPageRenderer,
    private readonly clock: Clock,
  ) {}

  @Put('payment-pages/branding')
  async setBranding(@MerchantId() merchantId: string, @Body() body: SetMerchantBrandingRequestDto): Promise<BrandingResponse> {
    return this.save(merchantId, {
      displayName: body.displayName ?? null,
      logoUrl: body.logoUrl ?? null,
      primaryColor: body.primaryColor ?? null,
      accentColor: body.accentColor ?? null,
      message: body.message ?? null,
    });
  }

  @Get('payment-pages/branding')
  async getBranding(@MerchantId() merchantId: string): Promise<BrandingResponse> {
    const row = await this.dataSource.getRepository(MerchantBrandingEntity).findOneBy({ merchantId });
    return toResponse(row ?? this.blank(merchantId));
  }

  @Put('operator/merchants/:merchantId/page-template')
  @UseGuards(PaymentOperatorGuard)
  async setTemplate(@Param('merchantId') merchantId: string, @Body() body: SetPageTemplateRequestDto): Promise<BrandingResponse> {
    if (!/^[\w-]{1,64}$/.test(merchantId)) throw new PaymentException('PAYMENT_BRANDING_INVALID', 'merchantId must be 1 to 64 letters, digits, _ or -', 'merchantId');
    const template = body.template ?? null;
    if (template) {
      try {
        this.renderer.compile(template);
      } catch (error) {
        throw new PaymentException('PAYMENT_TEMPLATE_INVALID', `The template does not compile: ${(error as Error).message}`, 'template');
      }
    }
    return this.save(merchantId, { pageTemplate: template });
  }

  private async save(merchantId: string, changes: Partial<MerchantBrandingEntity>): Promise<BrandingResponse> {
    const repository = this.dataSource.getRepository(MerchantBrandingEntity);
    const current = (await repository.findOneBy({ merchantId })) ?? this.blank(merchantId);
    const saved = { ...current, ...changes, updatedAt: this.clock.now() };
    await repository.upsert(saved, ['merchantId']);
    this.renderer.forgetBrand(merchantId);
    return toResponse(saved);
  }

  private blank(merchantId: string): MerchantBrandingEntity {
    return { merchantId, displayName: null, logoUrl: null, primaryColor: null, accentColor: null, message: null, pageTemplate: null, updatedAt: this.clock.now() };
  }
}

function toResponse(row: MerchantBrandingEntity): BrandingResponse {
  const { pageTemplate, updatedAt, ...rest } = row;
  return { ...rest, hasPageTemplate: pageTemplate !== null, updatedAt: updatedAt.toISOString() };
}
