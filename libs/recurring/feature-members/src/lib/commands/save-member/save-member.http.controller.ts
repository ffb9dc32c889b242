import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { MemberRepository, ShopRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { MerchantId } from '@kessai/shared-service-runtime';
import { MemberResponse, pageOf, toMemberResponse } from '../../http/member.response';
import { SaveMemberRequestDto } from './save-member.request.dto';

const MEMBER_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The merchant's members, identified by the merchant's own member ids. */
@Controller('recurring/members')
export class SaveMemberHttpController {
  constructor(
    private readonly members: MemberRepository,
    private readonly shops: ShopRepository,
  ) {}

  /** Creates the member (201) or replaces its card (200). */
  @Put(':memberId')
  async save(
    @MerchantId() shopId: string,
    @Param('memberId') memberId: string,
    @Body() body: SaveMemberRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MemberResponse> {
    if (!MEMBER_ID.test(memberId)) throw new RecurringException('RECURRING_MEMBER_INVALID', 'memberId must be 1 to 64 of A-Z a-z 0-9 . _ -', 'memberId');
    if (!(await this.shops.find(shopId))) {
      throw new RecurringException('RECURRING_SHOP_NOT_FOUND', `Shop ${shopId} is not set up for recurring billing; ask Kessai to enable it`);
    }
    const { member, created } = await this.members.save(shopId, memberId, body.cardRef ?? null);
    response.status(created ? 201 : 200);
    return toMemberResponse(member);
  }

  @Get(':memberId')
  async get(@MerchantId() shopId: string, @Param('memberId') memberId: string): Promise<MemberResponse> {
    const member = await this.members.find(shopId, memberId);
    if (!member) throw new RecurringException('RECURRING_MEMBER_NOT_FOUND', `There is no member ${memberId}`);
    return toMemberResponse(member);
  }

  @Get()
  async list(@MerchantId() shopId: string, @Query('after') after?: string, @Query('limit') limit?: string): Promise<{ members: MemberResponse[]; next: string | null }> {
    const page = pageOf(after, limit);
    const members = await this.members.page(shopId, page.after, page.limit);
    return { members: members.map(toMemberResponse), next: members.length === page.limit ? members[members.length - 1].memberId : null };
  }
}
