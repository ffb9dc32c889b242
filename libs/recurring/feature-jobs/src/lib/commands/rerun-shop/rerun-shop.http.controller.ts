import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { RerunShopHandler } from './rerun-shop.handler';

@Controller('jobs')
export class RerunShopHttpController {
  constructor(private readonly handler: RerunShopHandler) {}

  /** Reruns one failed shop of an execution without touching the others; answers at once. */
  @Post(':name/executions/:executionId/shops/:shopId/rerun')
  @HttpCode(HttpStatus.ACCEPTED)
  rerun(
    @Param('name') name: string,
    @Param('executionId', new ParseUUIDPipe()) executionId: string,
    @Param('shopId') shopId: string,
  ): Promise<{ executionId: string; shopId: string; status: 'queued' }> {
    return this.handler.execute(name, executionId, shopId);
  }
}
