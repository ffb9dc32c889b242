/** The one error format of every Kessai API: what went wrong, where, and the request id to quote to support. */
export interface ApiErrorBody {
  error: {
    /** Stable, documented code, e.g. `BILLING_BILL_NOT_FOUND` or `VALIDATION_FAILED`. */
    code: string;
    message: string;
    /** The field that was wrong, when one was. */
    field?: string;
    /** Every field problem, when the request had several. */
    details?: { field: string; message: string }[];
    requestId?: string;
  };
}
