import { Body, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleController } from '../../web/console-controller.decorator';
import { fillMessage } from '@kessai/console-domain';
import { Clock } from '@kessai/shared-clock';
import { CONSOLE_BASE_PATH } from '../../console.options';
import { accessOf } from '../../session/console-access';
import { PublicConsolePage } from '../../session/console-action.decorator';
import { ConsoleSessions } from '../../session/console-sessions';
import { ConsolePageContext, ConsolePageRenderer } from '../../web/console-page.renderer';
import { SignInHandler, SignInResult } from './sign-in.handler';
import { SignInRequestDto } from './sign-in.request.dto';

@ConsoleController('sign-in')
@PublicConsolePage()
export class SignInHttpController {
  constructor(
    private readonly handler: SignInHandler,
    private readonly sessions: ConsoleSessions,
    private readonly renderer: ConsolePageRenderer,
    private readonly clock: Clock,
  ) {}

  @Get()
  show(@Req() request: Request, @Res() response: Response, @Query('next') next?: string, @Query('reason') reason?: string): void {
    if (accessOf(request).user) return response.redirect(303, CONSOLE_BASE_PATH);
    const context = this.renderer.context(request, response);
    const notice = reason === 'signed-out' ? context.t.signedOut : reason === 'expired' ? context.t.sessionExpired : null;
    response.send(this.form(context, { next: safeNext(next), notice }));
  }

  @Post()
  @HttpCode(200)
  async submit(@Body() body: SignInRequestDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const result = await this.handler.execute({ merchantId: body.merchantId.trim(), email: body.email, password: body.password });
    const context = this.renderer.context(request, response);
    if (result.outcome !== 'signed-in') {
      response.status(result.outcome === 'locked' ? 423 : 401).send(this.form(context, { next: safeNext(body.next), merchantId: body.merchantId, email: body.email, error: signInRefusal(context, result, this.clock.now()) }));
      return;
    }
    await this.sessions.start(request, response, result.user, result.secondFactorRequired);
    const next = safeNext(body.next);
    response.redirect(303, result.secondFactorRequired ? `${CONSOLE_BASE_PATH}/sign-in/second-factor?next=${encodeURIComponent(next)}` : next || CONSOLE_BASE_PATH);
  }

  private form(context: ConsolePageContext, data: { next: string; merchantId?: string; email?: string; error?: string; notice?: string | null }): string {
    return this.renderer.view(context, 'sign-in', { title: context.t.signInTitle, merchantId: '', email: '', ...data });
  }
}

export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/console(\/[\w\-./?=&%]*)?$/.test(next) && !next.includes('//') ? next : '';
}

/** What a refused sign-in tells the person: the same words for an unknown e-mail and a wrong password. */
export function signInRefusal(context: ConsolePageContext, result: SignInResult, now: Date): string {
  if (result.outcome !== 'locked') return context.t.signInFailed;
  return fillMessage(context.t.accountLocked, { minutes: Math.max(1, Math.ceil((result.lockedUntil.getTime() - now.getTime()) / 60_000)) });
}
