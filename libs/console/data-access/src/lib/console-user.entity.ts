import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsoleRole } from '@kessai/console-domain';

/** A person who signs in to the console for one merchant. */
@Entity({ name: 'console_user' })
export class ConsoleUserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  /** Lower-cased; unique per merchant. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** `scrypt$N$r$p$salt$hash`; the password itself is never stored. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: ConsoleRole;

  /** Base32 TOTP secret; the second factor is asked for only once `totpEnabledAt` is set. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The last TOTP time step accepted, so one code cannot be used twice. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  @Column({ name: 'failed_attempts', type: 'int' })
  failedAttempts: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  /** Set when an admin reset the password: the temporary one only lets its holder choose a new one. */
  @Column({ name: 'password_change_required', type: 'boolean', default: false })
  passwordChangeRequired: boolean;
}
