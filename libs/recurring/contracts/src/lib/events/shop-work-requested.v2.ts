import { IsBoolean, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

/**
 * v2 names the job by a pattern instead of a fixed list: v1's list made every new job a breaking change of the
 * work topic. The engine checks the name against its job registry when the job is launched.
 */
export class ShopWorkRequestedV2Payload {
  /** The job execution this shop's work belongs to. */
  @IsUUID()
  executionId: string;

  /** A job of the engine's registry: generate-charges, authorize-charges, capture-charges, retry-declined-charges, refresh-cards, ... */
  @Matches(/^[a-z][a-z0-9-]{0,63}$/)
  jobName: string;

  /** The shop (merchant) whose work this is; also the message key, so one shop's work is never split. */
  @IsString()
  @Length(1, 128)
  shopId: string;

  /** The billing cycle, `YYYY-MM`. */
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  cycle: string;

  /** Count what would be done, write nothing. */
  @IsBoolean()
  dryRun: boolean;
}

export const ShopWorkRequestedV2 = defineEvent({
  type: 'recurring.shop-work.requested',
  version: 2,
  payload: ShopWorkRequestedV2Payload,
  description:
    "Work topic of the recurring engine's jobs: one message per shop and job execution, read by the engine's consumer group so that more instances spread the shops. Internal to the recurring engine.",
});
