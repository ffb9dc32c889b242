export { issueApiKey, describeApiKey, hashApiKey, sameHash, isApiKeyUsable, API_KEY_MODES, type ApiKeyMode, type ApiKeyState, type IssuedApiKey } from './lib/api-key';
export { limitPolicyProblems, PAYMENT_METHODS, type LimitPolicy, type MerchantLimits, type PaymentMethod } from './lib/limit-policy';
export { ThrottleException, type ThrottleErrorCode } from './lib/throttle.exception';
export { rejectionReason, REJECTION_CODES, type FlowRejectionReason } from './lib/flow-rejection';
