import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { canPerform, ConsoleAction, ConsoleException } from '@kessai/console-domain';
import { CONSOLE_BASE_PATH, CONSOLE_OPTIONS, ConsoleOptions } from '../console.options';
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor, isValidCsrfToken, newCsrfCookieValue } from '../web/csrf-token';
import { ConsoleRequest } from './console-access';
import { CONSOLE_ACTION } from './console-action.decorator';
import { ConsoleSessions, toUserView } from './console-sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every console request passes here: the CSRF cookie, the session and its user, the route's action checked
 * against the user's role, and the CSRF token of every POST (form field `_csrf`, `?_csrf=` for file uploads,
 * or the `x-csrf-token` header).
 */
@Injectable()
export class ConsoleAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: ConsoleSessions,
    @Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const action = this.reflector.getAllAndOverride<ConsoleAction | 'public' | undefined>(CONSOLE_ACTION, [context.getHandler(), context.getClass()]);
    if (!action) throw new ConsoleException('CONSOLE_ROLE_FORBIDDEN', 'This console route declares no action and is closed');

    const csrfCookie = this.csrfCookie(request, response);
    const loaded = await this.sessions.load(request);
    const binding = loaded?.session.csrfSecret ?? '-';
    request.consoleAccess = {
      user: loaded && !loaded.session.secondFactorPending ? toUserView(loaded.user) : null,
      sessionHash: loaded?.tokenHash ?? null,
      secondFactorPending: loaded?.session.secondFactorPending ?? false,
      csrfToken: csrfTokenFor(this.options.csrfSecret, csrfCookie, binding),
      action,
    };
    if (!SAFE_METHODS.has(request.method) && !isValidCsrfToken(this.options.csrfSecret, request.cookies?.[CSRF_COOKIE], binding, this.submittedToken(request))) {
      throw new ConsoleException('CONSOLE_CSRF_TOKEN_FORBIDDEN', 'The form token is missing or not valid for this session');
    }
    if (action === 'public') return true;
    const user = request.consoleAccess.user;
    if (!user) throw new ConsoleException('CONSOLE_SESSION_UNAUTHORIZED', 'Sign in to use the console');
    if (user.passwordChangeRequired && action !== 'password.change') {
      throw new ConsoleException('CONSOLE_PASSWORD_CHANGE_REQUIRED', 'Choose a new password first: the one you signed in with was temporary');
    }
    if (!canPerform(user.role, action)) throw new ConsoleException('CONSOLE_ROLE_FORBIDDEN', `The role ${user.role} may not ${action}`);
    return true;
  }

  private csrfCookie(request: Request, response: Response): string {
    const existing = request.cookies?.[CSRF_COOKIE];
    if (typeof existing === 'string' && existing.length >= 16) return existing;
    const value = newCsrfCookieValue();
    response.cookie(CSRF_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: this.sessions.secureCookies, path: CONSOLE_BASE_PATH });
    // The cookie comes back only with the next request; this one's forms are rendered for the new value.
    (request.cookies ??= {})[CSRF_COOKIE] = value;
    return value;
  }

  private submittedToken(request: Request): unknown {
    const body = request.body as Record<string, unknown> | undefined;
    return body?.[CSRF_FIELD] ?? request.query[CSRF_FIELD] ?? request.header('x-csrf-token');
  }
}
