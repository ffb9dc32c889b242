/** Shapes of the processor API's answers (docs/processor-api.md, docs/processor-openapi.json). */

export interface CardTokenResponse {
  /** One-time token, valid for 15 minutes, exchanged once for a card reference. */
  token: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  expiresAt: string;
}

export interface CardResponse {
  /** The stored card reference used in authorizations and files. */
  cardId: string;
  merchantId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  status: 'active' | 'closed';
}

export interface AuthorizationRequest {
  merchantId: string;
  cardId: string;
  /** Integer minor units of `currency`. */
  amount: number;
  currency: string;
  /** The same key never authorizes twice; the same key with another body is refused. */
  idempotencyKey: string;
}

export type AuthorizationStatus = 'approved' | 'declined' | 'challenge_required' | 'canceled';

export interface AuthorizationResponse {
  authorizationId: string;
  merchantId: string;
  cardId: string;
  amount: number;
  currency: string;
  status: AuthorizationStatus;
  /** ISO 8583 style response code: 00 approved, 51 insufficient funds, ... */
  reasonCode: string;
  reason: string;
  /** Present when status is challenge_required: send the cardholder there. */
  challengeUrl?: string;
  createdAt: string;
}

/** One line of the bulk authorization answer (NDJSON), in the order of the request lines. */
export type BulkAuthorizationLine =
  | ({ line: number; idempotencyKey: string } & AuthorizationResponse)
  | { line: number; idempotencyKey?: string; error: { code: string; message: string; field?: string } };

export interface KonbiniSlipResponse {
  paymentId: string;
  merchantId: string;
  amount: number;
  currency: string;
  chain: string;
  receiptNumber: string;
  confirmationNumber: string;
  deadline: string;
  status: 'awaiting_payment' | 'paid' | 'expired';
  paidAt: string | null;
}

export interface WalletPaymentResponse {
  paymentId: string;
  merchantId: string;
  amount: number;
  currency: string;
  status: 'pending' | 'approved' | 'canceled';
  /** Send the customer here: the wallet's approve/cancel page. */
  redirectUrl: string;
}

export interface FileSummaryResponse {
  fileId: string;
  kind: 'sales_confirmation' | 'card_refresh';
  lines: number;
  accepted: number;
  rejected: number;
  errors: { line: number; field?: string; code: string; message: string }[];
  /** GET it for the answer file (text/csv). */
  resultUrl: string;
}
