import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ConsoleAccessGuard } from '../session/console-access.guard';
import { ConsoleExceptionFilter } from './console-exception.filter';

/** A console controller: under /console, behind the access guard (session, role, CSRF), errors as pages. */
export const ConsoleController = (path: string) =>
  applyDecorators(Controller(path ? `console/${path}` : 'console'), UseGuards(ConsoleAccessGuard), UseFilters(ConsoleExceptionFilter));
