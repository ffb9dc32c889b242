import { ScreeningRequest } from '@kessai/screening-contracts';
import { FeatureValues, IdentityKind } from '@kessai/screening-domain';

/** The identities of a request that velocity and lists are kept for. */
export function identitiesOf(request: Pick<ScreeningRequest, 'cardRef' | 'phone' | 'email' | 'ip' | 'deviceId'>): Partial<Record<IdentityKind, string>> {
  return { card: request.cardRef, phone: request.phone, email: request.email, ip: request.ip, device: request.deviceId };
}

/** The request's own features, named as the rule language names them. */
export function requestFeatures(merchantId: string, request: ScreeningRequest, at: Date): Record<string, string | number | boolean | undefined> {
  return {
    amount: request.amount,
    currency: request.currency,
    merchant_id: merchantId,
    payment_method: request.paymentMethod,
    phone: request.phone,
    email: request.email?.toLowerCase(),
    email_domain: request.email?.split('@')[1]?.toLowerCase(),
    ip: request.ip,
    device_id: request.deviceId,
    card_ref: request.cardRef,
    card_brand: request.cardBrand,
    card_country: request.cardCountry,
    billing_country: request.billingCountry,
    billing_postal_code: request.billingPostalCode,
    shipping_country: request.shippingCountry,
    shipping_postal_code: request.shippingPostalCode,
    addresses_match: request.addressesMatch,
    hour_of_day: new Date(at.getTime() + 9 * 3600_000).getUTCHours(),
  };
}

/** List hits as features: `list.block.card` is true when the card is on the merchant's or the global block list. */
export function listFeatures(hits: { list: string; identity: string }[]): FeatureValues {
  return Object.fromEntries(hits.map(({ list, identity }) => [`list.${list}.${identity}`, true]));
}
