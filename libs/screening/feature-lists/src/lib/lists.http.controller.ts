import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ListEntryRepository, ListName } from '@kessai/screening-data-access';
import { IDENTITY_KINDS, IdentityKind } from '@kessai/screening-domain';
import { ListCache, OperatorGuard, ScreeningException } from '@kessai/screening-feature-decisions';
import { Clock } from '@kessai/shared-clock';
import { AddListEntryRequestDto } from './list-entry.request.dto';

const SCOPE = /^(global|[\w-]{1,64})$/;

/** Allow and block lists: `global`, or a merchant id for that merchant's own lists. */
@Controller('lists/:scope')
@UseGuards(OperatorGuard)
export class ListsHttpController {
  constructor(
    private readonly lists: ListEntryRepository,
    private readonly cache: ListCache,
    private readonly clock: Clock,
  ) {}

  @Get()
  entries(@Param('scope') scope: string) {
    return this.lists.ofScope(checkedScope(scope));
  }

  @Post(':list/entries')
  @HttpCode(HttpStatus.NO_CONTENT)
  async add(@Param('scope') scope: string, @Param('list') list: string, @Body() body: AddListEntryRequestDto): Promise<void> {
    await this.lists.add(
      { scope: checkedScope(scope), list: checkedList(list), identity: body.identity, value: body.value, reason: body.reason ?? '' },
      this.clock.now(),
    );
    await this.cache.refresh();
  }

  @Delete(':list/entries/:identity/:value')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('scope') scope: string, @Param('list') list: string, @Param('identity') identity: string, @Param('value') value: string): Promise<void> {
    if (!(IDENTITY_KINDS as readonly string[]).includes(identity)) {
      throw new ScreeningException('SCREENING_LIST_INVALID', `identity must be one of ${IDENTITY_KINDS.join(', ')}`, 'identity');
    }
    await this.lists.remove({ scope: checkedScope(scope), list: checkedList(list), identity: identity as IdentityKind, value }, this.clock.now());
    await this.cache.refresh();
  }
}

function checkedScope(scope: string): string {
  if (!SCOPE.test(scope)) throw new ScreeningException('SCREENING_LIST_INVALID', 'scope is "global" or a merchant id', 'scope');
  return scope;
}

function checkedList(list: string): ListName {
  if (list !== 'allow' && list !== 'block') throw new ScreeningException('SCREENING_LIST_INVALID', 'list is "allow" or "block"', 'list');
  return list;
}
