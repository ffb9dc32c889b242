import { ConsoleSessionEntity } from './lib/console-session.entity';
import { ConsoleUserEntity } from './lib/console-user.entity';
import { CreateConsoleSchema1764600000000 } from './lib/migrations/1764600000000-create-console-schema';
import { AddPasswordChangeRequired1765700000000 } from './lib/migrations/1765700000000-add-password-change-required';

export { ConsoleUserEntity } from './lib/console-user.entity';
export { ConsoleSessionEntity } from './lib/console-session.entity';
export { ConsoleUserRepository } from './lib/console-user.repository';
export { ConsoleSessionRepository } from './lib/console-session.repository';

export const CONSOLE_ENTITIES = [ConsoleUserEntity, ConsoleSessionEntity];
/** In order of application. */
export const CONSOLE_MIGRATIONS = [CreateConsoleSchema1764600000000, AddPasswordChangeRequired1765700000000];
