import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import { ConsoleSessionRepository, ConsoleUserRepository } from '@kessai/console-data-access';
import { EnableSecondFactorHandler } from './commands/enable-second-factor/enable-second-factor.handler';
import { ManageConsoleUsersHandler } from './commands/manage-users/manage-console-users.handler';
import { UsersHttpController } from './commands/manage-users/users.http.controller';
import { CreateConsoleUserHandler } from './commands/create-console-user/create-console-user.handler';
import { SignInHandler } from './commands/sign-in/sign-in.handler';
import { SignInHttpController } from './commands/sign-in/sign-in.http.controller';
import { SignOutHttpController } from './commands/sign-out/sign-out.http.controller';
import { VerifySecondFactorHandler } from './commands/verify-second-factor/verify-second-factor.handler';
import { VerifySecondFactorHttpController } from './commands/verify-second-factor/verify-second-factor.http.controller';
import { CONSOLE_OPTIONS, ConsoleOptions } from './console.options';
import { ConsoleAccessGuard } from './session/console-access.guard';
import { ConsoleSessions } from './session/console-sessions';
import { ConsoleExceptionFilter } from './web/console-exception.filter';
import { ConsolePageRenderer } from './web/console-page.renderer';
import { ConsoleSecurityHeadersMiddleware } from './web/security-headers.middleware';

const CONTROLLERS = [SignInHttpController, VerifySecondFactorHttpController, SignOutHttpController, UsersHttpController];
const SHARED = [ConsoleSessions, ConsoleAccessGuard, ConsoleExceptionFilter, ConsolePageRenderer, ConsoleUserRepository, ConsoleSessionRepository, CreateConsoleUserHandler];

/**
 * Sign-in for the merchant console: users per merchant, scrypt passwords, server-side sessions, lockout,
 * TOTP, roles and CSRF on every console route (exported for the screens' controllers).
 */
@Global()
@Module({})
export class ConsoleSignInModule implements NestModule {
  static forRoot(options: ConsoleOptions): DynamicModule {
    return {
      module: ConsoleSignInModule,
      controllers: CONTROLLERS,
      providers: [{ provide: CONSOLE_OPTIONS, useValue: options }, ...SHARED, SignInHandler, VerifySecondFactorHandler, EnableSecondFactorHandler, ManageConsoleUsersHandler],
      exports: [CONSOLE_OPTIONS, ...SHARED],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser(), ConsoleSecurityHeadersMiddleware).forRoutes(...CONTROLLERS);
  }
}

/** Cookie parsing and the console's security headers, for another console module's controllers. */
export const CONSOLE_PAGE_MIDDLEWARE = [cookieParser(), ConsoleSecurityHeadersMiddleware];
