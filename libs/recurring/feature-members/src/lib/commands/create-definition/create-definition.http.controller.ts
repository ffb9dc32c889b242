import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { DefinitionRepository, MemberRepository } from '@kessai/recurring-data-access';
import { recurringDefinition, RecurringException } from '@kessai/recurring-domain';
import { newId } from '@kessai/shared-ids';
import { MerchantId } from '@kessai/shared-service-runtime';
import { DefinitionResponse, pageOf, toDefinitionResponse } from '../../http/member.response';
import { CreateDefinitionRequestDto } from './create-definition.request.dto';

/** Recurring definitions: charge this member's card this amount on this day of every cycle from start to end. */
@Controller('recurring/definitions')
export class CreateDefinitionHttpController {
  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly members: MemberRepository,
  ) {}

  @Post()
  async create(@MerchantId() shopId: string, @Body() body: CreateDefinitionRequestDto): Promise<DefinitionResponse> {
    const member = await this.members.find(shopId, body.memberId);
    if (!member) throw new RecurringException('RECURRING_DEFINITION_INVALID', `unknown member "${body.memberId}": register it first (PUT /recurring/members/{memberId})`, 'memberId');
    const cardRef = body.cardRef ?? member.cardRef;
    if (!cardRef) throw new RecurringException('RECURRING_DEFINITION_INVALID', `member "${body.memberId}" has no card registered: send cardRef`, 'cardRef');
    const definition = recurringDefinition({ ...body, id: newId(), shopId, cardRef });
    const stored = await this.definitions.insert(definition);
    if (!stored) throw new RecurringException('RECURRING_DEFINITION_INVALID', `unknown member "${body.memberId}"`, 'memberId');
    return toDefinitionResponse(stored);
  }

  @Get(':definitionId')
  async get(@MerchantId() shopId: string, @Param('definitionId') definitionId: string): Promise<DefinitionResponse> {
    const definition = await this.definitions.find(shopId, definitionId);
    if (!definition) throw new RecurringException('RECURRING_DEFINITION_NOT_FOUND', `There is no definition ${definitionId}`);
    return toDefinitionResponse(definition);
  }

  @Get()
  async list(
    @MerchantId() shopId: string,
    @Query('memberId') memberId?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ): Promise<{ definitions: DefinitionResponse[]; next: string | null }> {
    const page = pageOf(after, limit);
    const definitions = await this.definitions.page(shopId, memberId ?? null, page.after, page.limit);
    return { definitions: definitions.map(toDefinitionResponse), next: definitions.length === page.limit ? definitions[definitions.length - 1].id : null };
  }
}
