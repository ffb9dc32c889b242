import { Injectable } from '@nestjs/common';
import { ConsoleUserEntity, ConsoleUserRepository } from '@kessai/console-data-access';
import { ConsoleException, ConsoleRole, hashPassword, isConsoleRole, passwordProblem } from '@kessai/console-domain';
import { Clock } from '@kessai/shared-clock';
import { newId } from '@kessai/shared-ids';

export interface CreateConsoleUserCommand {
  merchantId: string;
  email: string;
  displayName: string;
  role: ConsoleRole;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds a person to a merchant's console (an admin on the users screen, or the operator bootstrap). */
@Injectable()
export class CreateConsoleUserHandler {
  constructor(
    private readonly users: ConsoleUserRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateConsoleUserCommand): Promise<ConsoleUserEntity> {
    const email = command.email.trim().toLowerCase();
    if (!EMAIL.test(email)) throw new ConsoleException('CONSOLE_USER_INVALID', 'email must be an e-mail address', 'email');
    if (!isConsoleRole(command.role)) throw new ConsoleException('CONSOLE_USER_INVALID', 'role must be admin, operator or read-only', 'role');
    const problem = passwordProblem(command.password, email);
    if (problem) throw new ConsoleException('CONSOLE_PASSWORD_INVALID', `password ${problem}`, 'password');
    const user: ConsoleUserEntity = {
      id: newId(),
      merchantId: command.merchantId,
      email,
      displayName: command.displayName.trim() || email,
      passwordHash: await hashPassword(command.password),
      role: command.role,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: this.clock.now(),
      lastSignInAt: null,
      passwordChangeRequired: false,
    };
    if (!(await this.users.insert(user))) throw new ConsoleException('CONSOLE_USER_ALREADY_EXISTS', `${email} has a console account for this merchant already`, 'email');
    return user;
  }
}
