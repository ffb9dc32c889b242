import { RecurringException } from './recurring.exception';

export const CYCLE_DEADLINE_DAYS = [5, 10] as const;
export type CycleDeadlineDay = (typeof CYCLE_DEADLINE_DAYS)[number];

/** How a shop (a merchant) is billed each cycle. */
export interface ShopSettings {
  /** Files for a cycle must be in before the end of this day of the month, Japan time. */
  cycleDeadlineDay: CycleDeadlineDay;
  /** Floor-limit shops skip authorization: the monthly card refresh already vouched for the card. */
  floorLimitEligible: boolean;
  /** Most records one immediate file may hold (immediate files have no deadline). */
  immediateQuota: number;
}

export function shopSettings(input: { cycleDeadlineDay: number; floorLimitEligible: boolean; immediateQuota: number }): ShopSettings {
  if (!(CYCLE_DEADLINE_DAYS as readonly number[]).includes(input.cycleDeadlineDay)) {
    throw new RecurringException('RECURRING_SHOP_SETTINGS_INVALID', 'cycleDeadlineDay must be 5 or 10', 'cycleDeadlineDay');
  }
  if (!Number.isInteger(input.immediateQuota) || input.immediateQuota < 0) {
    throw new RecurringException('RECURRING_SHOP_SETTINGS_INVALID', 'immediateQuota must be a whole number, 0 or more', 'immediateQuota');
  }
  return { cycleDeadlineDay: input.cycleDeadlineDay as CycleDeadlineDay, floorLimitEligible: input.floorLimitEligible, immediateQuota: input.immediateQuota };
}
