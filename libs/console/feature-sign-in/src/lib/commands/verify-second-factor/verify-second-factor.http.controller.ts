import { Body, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleController } from '../../web/console-controller.decorator';
import { ConsoleSessionRepository } from '@kessai/console-data-access';
import { Clock } from '@kessai/shared-clock';
import { CONSOLE_BASE_PATH } from '../../console.options';
import { accessOf } from '../../session/console-access';
import { PublicConsolePage } from '../../session/console-action.decorator';
import { ConsoleSessions } from '../../session/console-sessions';
import { ConsolePageRenderer } from '../../web/console-page.renderer';
import { safeNext, signInRefusal } from '../sign-in/sign-in.http.controller';
import { SecondFactorRequestDto } from '../sign-in/sign-in.request.dto';
import { VerifySecondFactorHandler } from './verify-second-factor.handler';

@ConsoleController('sign-in/second-factor')
@PublicConsolePage()
export class VerifySecondFactorHttpController {
  constructor(
    private readonly handler: VerifySecondFactorHandler,
    private readonly sessions: ConsoleSessions,
    private readonly sessionRows: ConsoleSessionRepository,
    private readonly renderer: ConsolePageRenderer,
    private readonly clock: Clock,
  ) {}

  @Get()
  show(@Req() request: Request, @Res() response: Response, @Query('next') next?: string): void {
    if (!accessOf(request).secondFactorPending) return response.redirect(303, `${CONSOLE_BASE_PATH}/sign-in`);
    const context = this.renderer.context(request, response);
    response.send(this.renderer.view(context, 'second-factor', { title: context.t.totpTitle, next: safeNext(next) }));
  }

  @Post()
  @HttpCode(200)
  async submit(@Body() body: SecondFactorRequestDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const access = accessOf(request);
    if (!access.secondFactorPending || !access.sessionHash) return response.redirect(303, `${CONSOLE_BASE_PATH}/sign-in`);
    const pending = await this.sessions.load(request);
    if (!pending) return response.redirect(303, `${CONSOLE_BASE_PATH}/sign-in`);
    const result = await this.handler.execute(pending.user.id, body.code.trim());
    const context = this.renderer.context(request, response);
    if (result.outcome === 'signed-in') {
      await this.sessionRows.completeSecondFactor(access.sessionHash);
      return response.redirect(303, safeNext(body.next) || CONSOLE_BASE_PATH);
    }
    if (result.outcome === 'locked') {
      // A locked account's half-open session ends: the next try starts again from the password.
      await this.sessions.end(request, response);
      response.status(423).send(this.renderer.view(context, 'sign-in', { title: context.t.signInTitle, next: '', merchantId: pending.user.merchantId, email: pending.user.email, error: signInRefusal(context, result, this.clock.now()) }));
      return;
    }
    response.status(401).send(this.renderer.view(context, 'second-factor', { title: context.t.totpTitle, next: safeNext(body.next), error: context.t.totpFailed }));
  }
}
