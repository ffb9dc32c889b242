// Generated payments for training the risk model and benchmarking the rules: deterministic (seeded), with a
// known risk process behind the outcome so a model has something real to learn.
import type { FeatureValues } from '@kessai/screening-domain';

export interface SyntheticPayment {
  features: FeatureValues;
  /** Whether the payment went bad (chargeback or unpaid). */
  bad: boolean;
}

/** mulberry32: a small, fast, seeded generator; the data must be the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = ['card', 'konbini', 'wallet'];
const COUNTRIES = ['JP', 'JP', 'JP', 'JP', 'KR', 'TW', 'US', 'CN', 'SG'];
const DOMAINS = ['docomo.ne.jp', 'ezweb.ne.jp', 'gmail.com', 'yahoo.co.jp', 'icloud.com', 'mailinator.com'];

export function syntheticPayments(count: number, seed = 42): SyntheticPayment[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const amount = Math.round(Math.exp(6 + random() * 6)); // about ¥400 to ¥160,000, skewed small
    const cardCount1h = random() < 0.9 ? 0 : Math.floor(random() * 8);
    const cardCount30d = cardCount1h + Math.floor(random() * 20);
    const domain = pick(DOMAINS);
    const billing = pick(COUNTRIES);
    const shipping = random() < 0.85 ? billing : pick(COUNTRIES);
    const method = pick(METHODS);
    const hour = Math.floor(random() * 24);
    const blocked = random() < 0.01;
    const features: FeatureValues = {
      amount,
      currency: 'JPY',
      merchant_id: `merchant-${i % 50}`,
      payment_method: method,
      email: `user${i}@${domain}`,
      email_domain: domain,
      phone: `+8190${String(10000000 + Math.floor(random() * 89999999))}`,
      ip: `203.0.113.${Math.floor(random() * 255)}`,
      device_id: `device-${Math.floor(random() * 100000)}`,
      card_ref: `card-${Math.floor(random() * 200000)}`,
      card_country: billing,
      billing_country: billing,
      shipping_country: shipping,
      addresses_match: billing === shipping,
      hour_of_day: hour,
      'velocity.card.count_1h': cardCount1h,
      'velocity.card.count_30d': cardCount30d,
      'velocity.card.sum_24h': cardCount1h * amount,
      'velocity.ip.count_1h': Math.floor(random() * 3) + (random() < 0.05 ? 10 : 0),
      'list.block.card': blocked,
      'list.allow.email': random() < 0.02,
    };
    // The hidden truth the model should recover.
    const logit =
      -4.2 +
      0.45 * (Math.log1p(amount) - 8) +
      0.6 * cardCount1h +
      (domain === 'mailinator.com' ? 1.8 : 0) +
      (billing === shipping ? 0 : 1.1) +
      (method === 'wallet' ? 0.3 : 0) +
      (hour >= 1 && hour <= 5 ? 0.8 : 0) +
      (blocked ? 3 : 0) -
      0.03 * cardCount30d;
    return { features, bad: random() < 1 / (1 + Math.exp(-logit)) };
  });
}
