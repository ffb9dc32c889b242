import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConsoleUserRepository } from '@kessai/console-data-access';
import { ConsoleException, ConsoleRole, hashPassword, isConsoleRole, passwordProblem, verifyPassword } from '@kessai/console-domain';

/** Letters and digits without look-alikes (0/O, 1/l/I): a temporary password is read off a screen and typed. */
const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

function temporaryPassword(): string {
  return [...randomBytes(16)].map((byte) => TEMPORARY_ALPHABET[byte % TEMPORARY_ALPHABET.length]).join('');
}

/**
 * An admin manages the merchant's console users: changes a role, resets a password to a temporary one (shown
 * once; its holder must choose a new one at the next sign-in, and their sessions end now), removes a user (their
 * sessions end with them). The merchant always keeps at least one admin. Everyone changes their own password.
 */
@Injectable()
export class ManageConsoleUsersHandler {
  constructor(private readonly users: ConsoleUserRepository) {}

  async changeRole(merchantId: string, userId: string, role: string): Promise<void> {
    if (!isConsoleRole(role)) throw new ConsoleException('CONSOLE_USER_INVALID', 'role must be admin, operator or read-only', 'role');
    await this.change(merchantId, userId, (user, admins) => {
      if (user.role === 'admin' && role !== 'admin' && admins <= 1) throw lastAdmin();
      return { update: { role: role as ConsoleRole } };
    });
  }

  /** Returns the temporary password, to show once to the admin. */
  async resetPassword(merchantId: string, userId: string): Promise<string> {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    // Its sessions end: whoever knew the old password is signed out.
    await this.change(merchantId, userId, () => ({ update: { passwordHash, passwordChangeRequired: true, failedAttempts: 0, lockedUntil: null } }), true);
    return password;
  }

  async remove(merchantId: string, userId: string): Promise<void> {
    await this.change(merchantId, userId, (user, admins) => {
      if (user.role === 'admin' && admins <= 1) throw lastAdmin();
      return { remove: true };
    });
  }

  /** A user chooses a new password (also after a reset): the current one must be given. */
  async changeOwnPassword(merchantId: string, userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findOfMerchant(merchantId, userId);
    if (!user) throw new ConsoleException('CONSOLE_USER_NOT_FOUND', 'There is no such user');
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new ConsoleException('CONSOLE_PASSWORD_INVALID', 'the current password is not right', 'currentPassword');
    const problem = passwordProblem(newPassword, user.email);
    if (problem) throw new ConsoleException('CONSOLE_PASSWORD_INVALID', `password ${problem}`, 'newPassword');
    if (newPassword === currentPassword) throw new ConsoleException('CONSOLE_PASSWORD_INVALID', 'the new password must differ from the current one', 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.change(merchantId, userId, () => ({ update: { passwordHash, passwordChangeRequired: false } }));
  }

  private async change(
    merchantId: string,
    userId: string,
    decide: Parameters<ConsoleUserRepository['changeOfMerchant']>[2],
    endSessions = false,
  ): Promise<void> {
    const changed = await this.users.changeOfMerchant(merchantId, userId, decide, endSessions);
    if (!changed) throw new ConsoleException('CONSOLE_USER_NOT_FOUND', 'There is no such user');
  }
}

function lastAdmin(): ConsoleException {
  return new ConsoleException('CONSOLE_LAST_ADMIN_CONFLICT', 'The merchant must keep at least one admin: make someone else admin first', 'role');
}
