import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleException } from '@kessai/console-domain';
import { statusForCode } from '@kessai/shared-service-runtime';
import { CONSOLE_BASE_PATH } from '../console.options';
import { ConsolePageRenderer } from './console-page.renderer';

/**
 * Console routes answer people, not programs: a missing session sends the browser to the sign-in page (and
 * back afterwards); every other error is a page in the person's language saying what went wrong.
 */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ConsoleExceptionFilter');

  constructor(private readonly renderer: ConsolePageRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    if (exception instanceof ConsoleException && exception.code === 'CONSOLE_SESSION_UNAUTHORIZED') {
      const next = request.method === 'GET' ? request.originalUrl : '';
      response.redirect(303, `${CONSOLE_BASE_PATH}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      return;
    }
    if (exception instanceof ConsoleException && exception.code === 'CONSOLE_PASSWORD_CHANGE_REQUIRED') {
      response.redirect(303, `${CONSOLE_BASE_PATH}/users/me/password`);
      return;
    }
    const context = this.renderer.context(request, response);
    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let message = '';
    let details: { field: string; message: string }[] = [];
    if (exception instanceof ConsoleException) {
      status = statusForCode(exception.code);
      message =
        exception.code === 'CONSOLE_CSRF_TOKEN_FORBIDDEN' ? context.t.csrfFailed : exception.code === 'CONSOLE_ROLE_FORBIDDEN' ? context.t.forbidden : exception.message;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse() as { error?: { message?: string; details?: { field: string; message: string }[] } } | string;
      message = status === 404 ? context.t.notFound : typeof body === 'string' ? body : (body.error?.message ?? exception.message);
      details = typeof body === 'object' ? (body.error?.details ?? []) : [];
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      message = context.lang === 'ja' ? '問題が発生しました。時間をおいてもう一度お試しください。' : 'Something went wrong on our side. Please try again.';
    }
    const title = status === 403 ? context.t.forbidden : status === 404 ? context.t.notFound : `${status}`;
    response.status(status).send(this.renderer.view(context, 'message', { title, message, details, nav: 'none' }));
  }
}
