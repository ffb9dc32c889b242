export type FeatureType = 'number' | 'string' | 'boolean';

const REQUEST_FEATURES: Record<string, FeatureType> = {
  /** Amount in minor units of `currency`. */
  amount: 'number',
  currency: 'string',
  merchant_id: 'string',
  payment_method: 'string',
  /** E.164, e.g. +819012345678. */
  phone: 'string',
  email: 'string',
  email_domain: 'string',
  ip: 'string',
  device_id: 'string',
  card_ref: 'string',
  card_brand: 'string',
  card_country: 'string',
  billing_country: 'string',
  billing_postal_code: 'string',
  shipping_country: 'string',
  shipping_postal_code: 'string',
  /** The billing and shipping addresses are the same. */
  addresses_match: 'boolean',
  /** Hour of the day in Japan time, 0–23. */
  hour_of_day: 'number',
  /** Model score: the probability (0–1) that the payment will not be honoured. */
  score: 'number',
};

/** Identities that velocity counters and allow/block lists are kept for. */
export const IDENTITY_KINDS = ['card', 'phone', 'email', 'ip', 'device'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];
export const VELOCITY_WINDOWS = ['1h', '24h', '30d'] as const;
export type VelocityWindow = (typeof VELOCITY_WINDOWS)[number];

/** `velocity.card.count_1h`: payments by this card in the last hour; `sum_…` adds up their amounts. */
export function velocityFeature(kind: IdentityKind, measure: 'count' | 'sum', window: VelocityWindow): string {
  return `velocity.${kind}.${measure}_${window}`;
}

/** Every feature a rule may name, with its type: the compiler rejects anything else. */
export const FEATURE_CATALOGUE: ReadonlyMap<string, FeatureType> = new Map<string, FeatureType>([
  ...Object.entries(REQUEST_FEATURES),
  ...IDENTITY_KINDS.flatMap((kind) =>
    VELOCITY_WINDOWS.flatMap((window): [string, FeatureType][] => [
      [velocityFeature(kind, 'count', window), 'number'],
      [velocityFeature(kind, 'sum', window), 'number'],
    ]),
  ),
  ...IDENTITY_KINDS.flatMap((kind): [string, FeatureType][] => [
    [`list.allow.${kind}`, 'boolean'],
    [`list.block.${kind}`, 'boolean'],
  ]),
]);

/** The values of the features for one payment; a feature that is unknown for it is absent or null. */
export type FeatureValues = Readonly<Record<string, string | number | boolean | null | undefined>>;
