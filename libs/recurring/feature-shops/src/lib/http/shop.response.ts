import { Cycle, ShopSettings } from '@kessai/recurring-domain';

export interface ShopResponse {
  shopId: string;
  cycleDeadlineDay: number;
  floorLimitEligible: boolean;
  immediateQuota: number;
  /** The cycle of today (Japan time) and its upload deadline. */
  currentCycle: { cycle: string; uploadDeadline: string };
}

export function toShopResponse(shopId: string, settings: ShopSettings, now: Date): ShopResponse {
  const cycle = Cycle.containing(now);
  return {
    shopId,
    cycleDeadlineDay: settings.cycleDeadlineDay,
    floorLimitEligible: settings.floorLimitEligible,
    immediateQuota: settings.immediateQuota,
    currentCycle: { cycle: cycle.toString(), uploadDeadline: cycle.uploadDeadline(settings.cycleDeadlineDay).toISOString() },
  };
}
