import { MemberChargeRequestDto } from '@kessai/recurring-feature-members';

/** One charge: the member, the card (default: the member's), amount and currency. */
export class CreateChargeRequestDto extends MemberChargeRequestDto {}
