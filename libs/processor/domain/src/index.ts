export { ProcessorException, type ProcessorErrorCode } from './lib/processor.exception';
export { isLuhnValid, withLuhnCheckDigit } from './lib/cards/luhn';
export { CARD_BRANDS, type CardBrand, brandOf, securityCodeLengthOf } from './lib/cards/card-brand';
export { CARD_PROFILES, type CardProfile, TEST_CARDS, type TestCard, profileOf } from './lib/cards/test-cards';
export { validateCardInput, isExpired, type CardInput, type CardFacts } from './lib/cards/card-input';
export { REASON_CODES, type ReasonKey } from './lib/authorizations/reason-codes';
export { decideAuthorization, decideChallenge, type AuthorizationOutcome, type AuthorizationCard } from './lib/authorizations/authorization-decision';
export { readCsvFile, writeCsvFile, lineError, type FileLine } from './lib/files/csv-file';
export {
  parseSalesConfirmationLine,
  settleSale,
  type SalesConfirmationRecord,
  type SettlementContext,
  type SettlementDecision,
} from './lib/files/sales-confirmation-file';
export {
  parseCardRefreshLine,
  refreshResultOf,
  renewedExpiry,
  type CardRefreshResult,
} from './lib/files/card-refresh-file';
export { KONBINI_CHAINS, type KonbiniChain, type KonbiniStatus, mintSlipNumbers, canPayAt } from './lib/konbini/konbini-slip';
export { webhookBackoffMs } from './lib/notifications/webhook-backoff';
