import { IsBoolean, IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

/** The job names a shop's work can be requested for. */
export const RECURRING_JOB_NAMES = ['generate-charges', 'authorize-charges'] as const;

export class ShopWorkRequestedV1Payload {
  /** The job execution this shop's work belongs to. */
  @IsUUID()
  executionId: string;

  @IsIn(RECURRING_JOB_NAMES)
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

export const ShopWorkRequestedV1 = defineEvent({
  type: 'recurring.shop-work.requested',
  version: 1,
  payload: ShopWorkRequestedV1Payload,
  description:
    "Work topic of the recurring engine's jobs: one message per shop and job execution, read by the engine's consumer group so that more instances spread the shops. Internal to the recurring engine.",
});
