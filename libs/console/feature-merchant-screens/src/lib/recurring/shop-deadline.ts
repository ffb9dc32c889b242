import { ConsoleException, countdownTo, Countdown } from '@kessai/console-domain';
import { KessaiApis } from '../clients/kessai-apis';
import { ApiNotAvailable } from '../clients/service-api.client';

export interface ShopView {
  shopId: string;
  cycleDeadlineDay: number;
  floorLimitEligible: boolean;
  immediateQuota: number;
  currentCycle: { cycle: string; uploadDeadline: string };
}

export type ShopLookup = { kind: 'found'; shop: ShopView; countdown: Countdown } | { kind: 'not-set-up' } | { kind: 'not-available'; api: string } | { kind: 'unreachable'; service: string };

/** The merchant's recurring shop (shop id = merchant id) and the countdown to this month's upload deadline. */
export async function shopOfMerchant(apis: KessaiApis, merchantId: string, now: Date): Promise<ShopLookup> {
  try {
    const answer = await apis.recurring.json<ShopView>('GET', `/shops/${encodeURIComponent(merchantId)}`, merchantId);
    if (answer.status !== 200) return { kind: 'not-set-up' };
    return { kind: 'found', shop: answer.body, countdown: countdownTo(new Date(answer.body.currentCycle.uploadDeadline), now) };
  } catch (error) {
    if (error instanceof ApiNotAvailable) return { kind: 'not-available', api: error.api };
    // The bill upload works without the recurring engine; the page says the deadline cannot be shown.
    if (error instanceof ConsoleException && error.code === 'CONSOLE_UPSTREAM_UNAVAILABLE') return { kind: 'unreachable', service: apis.recurring.service };
    throw error;
  }
}
