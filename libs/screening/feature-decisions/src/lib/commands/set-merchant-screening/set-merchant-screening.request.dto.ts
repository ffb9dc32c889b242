import { IsBoolean, IsIn } from 'class-validator';
import { ON_REVIEW_POLICIES, type OnReviewPolicy } from '@kessai/screening-contracts';

export class SetMerchantScreeningRequestDto {
  /** Screen this merchant's card payments (payment screen and recurring charges) before authorization. */
  @IsBoolean()
  enabled: boolean;

  /** What a `review` decision does before authorization. */
  @IsIn(ON_REVIEW_POLICIES)
  onReview: OnReviewPolicy;
}
