import { IsString, Length } from 'class-validator';

/** What every answer to billing.bill.auto-charge-requested tells: which bill, which mandate, which charge. */
export abstract class BillChargeV1Fields {
  /** The billing context's bill that asked for the charge (billing.bill.auto-charge-requested.v1). */
  @IsString()
  @Length(1, 64)
  billId: string;

  /** The mandate whose card was charged (or tried). */
  @IsString()
  @Length(1, 128)
  mandateId: string;

  /** `bill:<billId>`: the charge's unique key and the idempotency key sent to the processor. */
  @IsString()
  @Length(1, 128)
  chargeKey: string;
}
