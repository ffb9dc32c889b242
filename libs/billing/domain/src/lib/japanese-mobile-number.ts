import { BillingException } from './billing.exception';

/**
 * A Japanese mobile number (070, 080, 090) in E.164: accepts `090-1234-5678`, `09012345678`, full-width digits,
 * `+81 90 1234 5678` and `81-90-...`; returns `+819012345678`.
 */
export function normalizeJapaneseMobileNumber(input: string, field = 'customerPhone'): string {
  const compact = input
    .normalize('NFKC')
    .replace(/[\s\-().]/g, '')
    .replace(/^\+?81/, '0');
  if (!/^0[789]0\d{8}$/.test(compact)) {
    throw new BillingException(
      'BILLING_PHONE_INVALID',
      `"${input}" is not a Japanese mobile number (070, 080 or 090 and 8 digits, e.g. 090-1234-5678)`,
      field,
    );
  }
  return `+81${compact.slice(1)}`;
}
