import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { DefinitionRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { MerchantId } from '@kessai/shared-service-runtime';
import { DefinitionResponse, toDefinitionResponse } from '../../http/member.response';

@Controller('recurring/definitions')
export class StopDefinitionHttpController {
  constructor(
    private readonly definitions: DefinitionRepository,
    private readonly clock: Clock,
  ) {}

  /** Stops the definition: no cycle generated from now on gets a charge from it. Charges made before stay. */
  @Post(':definitionId/stop')
  @HttpCode(HttpStatus.OK)
  async stop(@MerchantId() shopId: string, @Param('definitionId') definitionId: string): Promise<DefinitionResponse> {
    const definition = await this.definitions.stop(shopId, definitionId, this.clock.now());
    if (!definition) throw new RecurringException('RECURRING_DEFINITION_NOT_FOUND', `There is no definition ${definitionId}`);
    return toDefinitionResponse(definition);
  }
}
