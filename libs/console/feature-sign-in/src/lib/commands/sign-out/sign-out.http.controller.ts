import { Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleController } from '../../web/console-controller.decorator';
import { CONSOLE_BASE_PATH } from '../../console.options';
import { PublicConsolePage } from '../../session/console-action.decorator';
import { ConsoleSessions } from '../../session/console-sessions';

/** Ends the session on the server (the row is deleted) and in the browser. A POST with the CSRF token. */
@ConsoleController('sign-out')
@PublicConsolePage()
export class SignOutHttpController {
  constructor(private readonly sessions: ConsoleSessions) {}

  @Post()
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.sessions.end(request, response);
    response.redirect(303, `${CONSOLE_BASE_PATH}/sign-in?reason=signed-out`);
  }
}
