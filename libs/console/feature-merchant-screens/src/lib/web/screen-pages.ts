import { Injectable } from '@nestjs/common';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { ConsolePageContext, ConsolePageRenderer, ConsoleViews, NavKey } from '@kessai/console-feature-sign-in';

/** Renders a screen's view (this feature's views folder) inside the console layout. */
@Injectable()
export class ScreenPages {
  private readonly views = new ConsoleViews(join(__dirname, 'views'));

  constructor(private readonly renderer: ConsolePageRenderer) {}

  context(request: Request, response: Response): ConsolePageContext {
    return this.renderer.context(request, response);
  }

  render(context: ConsolePageContext, view: string, page: { title: string; nav: NavKey; notice?: string | null; error?: string | null; [field: string]: unknown }): string {
    const body = this.views.render(view, { ...context, ...page });
    return this.renderer.page(context, { title: page.title, body, nav: page.nav, notice: page.notice, error: page.error });
  }
}
