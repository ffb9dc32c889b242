import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
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
import { ManageConsoleUsersHandler } from './manage-console-users.handler';

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

export class ChangeRoleFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsIn(CONSOLE_ROLES)
  role: ConsoleRole;
}

export class ChangePasswordFormDto {
  @IsOptional()
  @IsString()
  _csrf?: string;

  @IsString()
  @Length(1, 256)
  currentPassword: string;

  @IsString()
  @Length(1, 256)
  newPassword: string;
}

/**
 * The merchant's console users (admins add them, change roles, reset passwords, remove them) and each person's
 * own two-step verification and password.
 */
@ConsoleController('users')
export class UsersHttpController {
  constructor(
    private readonly users: ConsoleUserRepository,
    private readonly create: CreateConsoleUserHandler,
    private readonly secondFactor: EnableSecondFactorHandler,
    private readonly manage: ManageConsoleUsersHandler,
    private readonly renderer: ConsolePageRenderer,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequiresAction('view')
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.renderer.context(request, response);
    const done = request.query['done'];
    const notices: Record<string, string> = { added: context.t.userAdded, totp: context.t.totpEnabled, role: context.t.roleChanged, removed: context.t.userRemoved, password: context.t.passwordChanged };
    response.send(await this.page(context, request, { notice: typeof done === 'string' ? (notices[done] ?? null) : null }));
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

  @Get('me/password')
  @RequiresAction('password.change')
  changePasswordForm(@Req() request: Request, @Res() response: Response): void {
    const context = this.renderer.context(request, response);
    response.send(this.renderer.view(context, 'change-password', { title: context.t.changePassword, nav: 'users', required: signedInUser(request).passwordChangeRequired, error: null }));
  }

  @Post('me/password')
  @RequiresAction('password.change')
  async changePassword(@Body() form: ChangePasswordFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const me = signedInUser(request);
    const context = this.renderer.context(request, response);
    try {
      await this.manage.changeOwnPassword(me.merchantId, me.id, form.currentPassword, form.newPassword);
    } catch (error) {
      if (!(error instanceof ConsoleException)) throw error;
      return void response
        .status(422)
        .send(this.renderer.view(context, 'change-password', { title: context.t.changePassword, nav: 'users', required: me.passwordChangeRequired, error: `${error.field ?? ''}: ${error.message}` }));
    }
    response.redirect(303, `${context.base}/users?done=password`);
  }

  @Post(':userId/role')
  @RequiresAction('users.manage')
  async changeRole(@Param('userId', new ParseUUIDPipe()) userId: string, @Body() form: ChangeRoleFormDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.managed(request, response, () => this.manage.changeRole(signedInUser(request).merchantId, userId, form.role), 'role');
  }

  @Post(':userId/reset-password')
  @RequiresAction('users.manage')
  async resetPassword(@Param('userId', new ParseUUIDPipe()) userId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const context = this.renderer.context(request, response);
    const merchantId = signedInUser(request).merchantId;
    const user = await this.users.findOfMerchant(merchantId, userId);
    if (!user) throw new ConsoleException('CONSOLE_USER_NOT_FOUND', 'There is no such user');
    const password = await this.manage.resetPassword(merchantId, userId);
    // Shown once, on this answer only (never in a URL or a log).
    response.status(200).setHeader('cache-control', 'no-store');
    response.send(await this.page(context, request, { temporaryPassword: { email: user.email, password } }));
  }

  @Post(':userId/remove')
  @RequiresAction('users.manage')
  async remove(@Param('userId', new ParseUUIDPipe()) userId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.managed(request, response, () => this.manage.remove(signedInUser(request).merchantId, userId), 'removed');
  }

  private async managed(request: Request, response: Response, change: () => Promise<void>, done: string): Promise<void> {
    const context = this.renderer.context(request, response);
    try {
      await change();
    } catch (error) {
      if (!(error instanceof ConsoleException) || error.code === 'CONSOLE_USER_NOT_FOUND') throw error;
      return void response.status(409).send(await this.page(context, request, { error: error.message }));
    }
    response.redirect(303, `${context.base}/users?done=${done}`);
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

  private async page(
    context: ConsolePageContext,
    request: Request,
    extra: { notice?: string | null; error?: string; temporaryPassword?: { email: string; password: string } },
  ): Promise<string> {
    const me = signedInUser(request);
    const now = this.clock.now();
    const all = context.can('users.manage') ? await this.users.listOfMerchant(me.merchantId) : [];
    const proposal = me.totpEnabled ? null : await this.secondFactor.propose(me.merchantId, me.id);
    return this.renderer.view(context, 'users', {
      title: context.t.usersTitle,
      nav: 'users',
      notice: extra.notice ?? null,
      error: extra.error ?? null,
      temporaryPassword: extra.temporaryPassword ?? null,
      roles: CONSOLE_ROLES,
      users: all.map((u) => ({ id: u.id, email: u.email, displayName: u.displayName, role: u.role, totp: u.totpEnabledAt !== null, lockedUntil: u.lockedUntil && isLocked(u, now) ? u.lockedUntil.toISOString() : null, lastSignInAt: u.lastSignInAt?.toISOString() ?? null })),
      proposal: proposal && { secret: proposal.secret.replace(/(.{4})/g, '$1 ').trim(), qr: bwipjs.toSVG({ bcid: 'qrcode', text: proposal.uri, scale: 3 }) },
    });
  }
}
