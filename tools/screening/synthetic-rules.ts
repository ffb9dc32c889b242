// A realistic mix of generated rules for benchmarks: merchant thresholds, velocity, geography, e-mail patterns,
// model score, night-time, lists. Deterministic (seeded).
import type { RuleAction, RuleDefinition } from '@kessai/screening-domain';
import { seededRandom } from './synthetic-payments';

const COUNTRIES = ['JP', 'KR', 'TW', 'US', 'CN', 'SG', 'HK', 'TH', 'VN', 'PH', 'MY', 'ID'];

export function syntheticRules(count: number, seed = 11): RuleDefinition[] {
  const random = seededRandom(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const action = (): RuleAction => (random() < 0.6 ? 'review' : random() < 0.95 ? 'decline' : 'allow');
  const merchant = () => `"merchant-${int(0, 49)}"`;
  const countries = (n: number) => `[${Array.from({ length: n }, () => `"${COUNTRIES[int(0, COUNTRIES.length - 1)]}"`).join(', ')}]`;
  const templates: (() => string)[] = [
    () => `merchant_id == ${merchant()} and amount > ${int(50, 400) * 1000}`,
    () => `merchant_id == ${merchant()} and payment_method == "wallet" and amount >= ${int(5, 80) * 1000}`,
    () => `velocity.card.count_1h >= ${int(5, 9)} and amount > ${int(20, 100) * 1000}`,
    () => `velocity.ip.count_1h > ${int(12, 30)} or velocity.card.sum_24h > ${int(300, 900) * 1000}`,
    () => `billing_country not in ${countries(int(2, 10))} and amount > ${int(150, 500) * 1000}`,
    () => `shipping_country != billing_country and amount between ${int(80, 120) * 1000} and ${int(121, 300) * 1000}`,
    () => `email_domain in ["tempmail${int(0, 999)}.com", "trashmail${int(0, 999)}.net", "spam${int(0, 999)}.org"${random() < 0.02 ? ', "mailinator.com"' : ''}] and amount > ${int(1, 30) * 1000}`,
    () => `amount > ${int(20, 300) * 1000} and email matches /^[a-z]+[0-9]{${int(6, 9)},}@/`,
    () => `score > 0.${int(90, 99)} and payment_method == "${['card', 'konbini', 'wallet'][int(0, 2)]}" and amount > ${int(5, 50) * 1000}`,
    () => `hour_of_day between ${int(0, 3)} and ${int(4, 6)} and amount > ${int(150, 400) * 1000}`,
    () => `list.block.${['card', 'phone', 'email', 'ip', 'device'][int(0, 4)]} and amount > ${int(1, 100) * 1000}`,
    () => `(card_country in ${countries(int(1, 4))} or card_brand == "amex") and not addresses_match and amount > ${int(60, 300) * 1000}`,
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: `rule-${i}`,
    action: action(),
    when: templates[i % templates.length](),
  }));
}
