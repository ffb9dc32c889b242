import { IsBoolean, IsIn, IsInt, IsISO8601, IsString, Length, Min } from 'class-validator';
import { defineEvent } from '@kessai/shared-contracts';

export const ON_REVIEW_POLICIES = ['decline', 'allow'] as const;
export type OnReviewPolicy = (typeof ON_REVIEW_POLICIES)[number];

export class MerchantScreeningChangedV1Payload {
  @IsString()
  @Length(1, 64)
  merchantId: string;

  /** When true, the payment screen and the recurring engine ask for a decision before every card authorization. */
  @IsBoolean()
  enabled: boolean;

  /** What a `review` decision means before authorization: `decline` it, or `allow` it (and review it later). */
  @IsIn(ON_REVIEW_POLICIES)
  onReview: OnReviewPolicy;

  /** Increases with every change of this merchant's setting: a projection keeps the highest it has seen. */
  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601()
  changedAt: string;
}

export const MerchantScreeningChangedV1 = defineEvent({
  type: 'screening.merchant-screening.changed',
  version: 1,
  payload: MerchantScreeningChangedV1Payload,
  description: "A merchant's screening setting changed: whether payments are screened before authorization and what a review means.",
});
