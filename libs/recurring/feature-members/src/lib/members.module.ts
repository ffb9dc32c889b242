import { Module } from '@nestjs/common';
import { DefinitionRepository, MemberRepository, ShopRepository } from '@kessai/recurring-data-access';
import { CreateDefinitionHttpController } from './commands/create-definition/create-definition.http.controller';
import { SaveMemberHttpController } from './commands/save-member/save-member.http.controller';
import { StopDefinitionHttpController } from './commands/stop-definition/stop-definition.http.controller';

/** Merchant-facing (`/recurring/*`, merchant from x-kessai-merchant-id): members and recurring definitions. */
@Module({
  controllers: [SaveMemberHttpController, CreateDefinitionHttpController, StopDefinitionHttpController],
  providers: [MemberRepository, DefinitionRepository, ShopRepository],
})
export class MembersModule {}
