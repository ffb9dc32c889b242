import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import bwipjs from 'bwip-js';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ConsoleUserRepository } from '@kessai/console-data-access';
import { ConsoleException, CONSOLE_ROLES, ConsoleRole, isLocked } from '@kessai/console-domain';
import { Clock } from '@kessai/shared-clock';
import { RequiresAction } from '../../session/console-action.decorator';
import { signedInUser } from '../../session/console-access';
import { ConsoleController } from '../../web/console-controller.decorator';
import { ConsolePageContext, ConsolePageRenderer } from '../../web/console-page.renderer';
import { CreateConsoleUserHandler } from '../create-console-user/create-console-user.handler';
import { EnableSecondFactorHandler } from '../enable-second-factor/enable-second-factor.handler';

export class AddUserFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsString()
  @Length(3, 254)
  email: string;

  @IsString()
  @Length(0, 100)
  displayName: string;

  @IsIn(CONSOLE_ROLES)
  role: ConsoleRole;

  @IsString()
  @Length(1, 256)
  password: string;
}

export class TotpCodeFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsString()
  @Length(1, 12)
  code: string;
}

/** The merchant's console users (admins add them) and each person's own two-step verification. */
@ConsoleController('users')
export class UsersHttpController {
  constructor(
    private readonly users: ConsoleUserRepository,
    private readonly create: CreateConsoleUserHandler,
    private readonly secondFactor: EnableSecondFactorHandler,
    private readonly renderer: ConsolePageRenderer,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequiresAction('view')
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.renderer.context(request, response);
    response.send(await this.page(context, request, { notice: request.query['done'] === 'added' ? context.t.userAdded : request.query['done'] === 'totp' ? context.t.totpEnabled : null }));
  }

  @Post()
  @RequiresAction('users.manage')
  async add(@Body() form: AddUserFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.renderer.context(request, response);
    try {
      await this.create.execute({ merchantId: signedInUser(request).merchantId, email: form.email, displayName: form.displayName, role: form.role, password: form.password });
    } catch (error) {
      if (!(error instanceof ConsoleException)) throw error;
      return void response.status(422).send(await this.page(context, request, { error: `${error.field ?? ''}: ${error.message}` }));
    }
    response.redirect(303, `${context.base}/users?done=added`);
  }

  @Post('me/second-factor')
  @RequiresAction('view')
  async confirmSecondFactor(@Body() form: TotpCodeFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const user = signedInUser(request);
    const context = this.renderer.context(request, response);
    try {
      await this.secondFactor.confirm(user.merchantId, user.id, form.code.trim());
    } catch (error) {
      if (!(error instanceof ConsoleException)) throw error;
      return void response.status(422).send(await this.page(context, request, { error: context.t.totpFailed }));
    }
    response.redirect(303, `${context.base}/users?done=totp`);
  }

  private async page(context: ConsolePageContext, request: Request, extra: { notice?: string | null; error?: string }): Promise<string> {
    const me = signedInUser(request);
    const now = this.clock.now();
    const all = context.can('users.manage') ? await this.users.listOfMerchant(me.merchantId) : [];
    const proposal = me.totpEnabled ? null : await this.secondFactor.propose(me.merchantId, me.id);
    return this.renderer.view(context, 'users', {
      title: context.t.usersTitle,
      nav: 'users',
      notice: extra.notice ?? null,
      error: extra.error ?? null,
      roles: CONSOLE_ROLES,
      users: all.map((u) => ({ email: u.email, displayName: u.displayName, role: u.role, totp: u.totpEnabledAt !== null, lockedUntil: u.lockedUntil && isLocked(u, now) ? u.lockedUntil.toISOString() : null, lastSignInAt: u.lastSignInAt?.toISOString() ?? null })),
      proposal: proposal && { secret: proposal.secret.replace(/(.{4})/g, '$1 ').trim(), qr: bwipjs.toSVG({ bcid: 'qrcode', text: proposal.uri, scale: 3 }) },
    });
  }
}
