import { shopSettings } from './shop-settings';

describe('shopSettings', () => {
  it('accepts a deadline on the 5th or the 10th', () => {
    expect(shopSettings({ cycleDeadlineDay: 10, floorLimitEligible: true, immediateQuota: 5000 }).cycleDeadlineDay).toBe(10);
  });

  it('refuses a deadline on any other day, naming the field', () => {
    expect(() => shopSettings({ cycleDeadlineDay: 15, floorLimitEligible: false, immediateQuota: 0 })).toThrow(
      expect.objectContaining({ code: 'RECURRING_SHOP_SETTINGS_INVALID', field: 'cycleDeadlineDay' }),
    );
  });

  it('refuses a negative immediate-mode quota', () => {
    expect(() => shopSettings({ cycleDeadlineDay: 5, floorLimitEligible: false, immediateQuota: -1 })).toThrow(
      expect.objectContaining({ field: 'immediateQuota' }),
    );
  });
});
