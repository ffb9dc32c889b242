/**
 * A failure with a stable code (`BILLING_BILL_NOT_FOUND`). Each context's exception type extends this and
 * keeps its own table of codes; only the transport edge turns a code into a status, a retry or a dead letter.
 */
export abstract class CodedError extends Error {
  abstract readonly code: string;
  /** The input field that was wrong, when one was (`customer.phone`, `amount`). */
  readonly field?: string;

  protected constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}
