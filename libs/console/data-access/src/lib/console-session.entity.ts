import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored here. */
@Entity({ name: 'console_session' })
export class ConsoleSessionEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'merchant_id', type: 'text' })
  merchantId: string;

  /** True between a correct password and a correct TOTP code: such a session may only enter the code. */
  @Column({ name: 'second_factor_pending', type: 'boolean' })
  secondFactorPending: boolean;

  /** Signs this session's CSRF tokens. */
  @Column({ name: 'csrf_secret', type: 'text' })
  csrfSecret: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** Absolute end; an idle session also ends after the idle timeout (from last_seen_at). */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
