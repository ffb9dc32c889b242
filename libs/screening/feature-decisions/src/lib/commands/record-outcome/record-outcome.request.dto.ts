import { IsIn, IsString, Length } from 'class-validator';

export class RecordOutcomeRequestDto {
  @IsString()
  @Length(1, 64)
  merchantId: string;

  @IsString()
  @Length(1, 128)
  paymentRef: string;

  /** What became of the payment: backtests count the chargebacks and unpaid ones a rule set would have stopped. */
  @IsIn(['paid', 'chargeback', 'unpaid'])
  outcome: 'paid' | 'chargeback' | 'unpaid';
}
