import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConsoleController, RequiresAction } from '@kessai/console-feature-sign-in';
import { ScreenPages } from '../web/screen-pages';

@ConsoleController('')
export class DashboardHttpController {
  constructor(private readonly pages: ScreenPages) {}

  @Get()
  @RequiresAction('view')
  show(@Req() request: Request, @Res() response: Response): void {
    const context = this.pages.context(request, response);
    response.send(this.pages.render(context, 'dashboard', { title: context.t.dashboardTitle, nav: 'dashboard' }));
  }
}
