import type { MerchantScreeningRepository, PendingCharge } from '@kessai/recurring-data-access';
import type { JobsOptions } from '../jobs.options';
import { ChargeScreening } from './charge-screening';

// Nothing listens on port 9 of the loopback: credit screening is unreachable.
const UNREACHABLE = 'http://127.0.0.1:9';

describe('ChargeScreening', () => {
  const charges: PendingCharge[] = [{ id: '1', chargeKey: 'def:shop-1-def-000001:2026-02', cardRef: 'card-1', amount: 1500, currency: 'JPY' }];
  const screeningFor = (enabled: boolean, failureMode: 'open' | 'closed') =>
    new ChargeScreening({ find: async () => ({ enabled, onReview: 'decline' }) } as unknown as MerchantScreeningRepository, {
      screening: { url: UNREACHABLE, timeoutMs: 500, failureMode },
    } as JobsOptions);

  it('authorizes every charge of a shop without screening, without asking', async () => {
    const screening = screeningFor(false, 'closed');
    await expect(screening.screen('shop-1', charges)).resolves.toEqual({ toAuthorize: charges, declined: [] });
    await screening.onModuleDestroy();
  });

  it('fails the chunk (it stays pending) when screening is unreachable and the engine fails closed', async () => {
    const screening = screeningFor(true, 'closed');
    await expect(screening.screen('shop-1', charges)).rejects.toMatchObject({ code: 'RECURRING_SCREENING_UNAVAILABLE' });
    await screening.onModuleDestroy();
  });

  it('authorizes the chunk unscreened when screening is unreachable and the engine fails open', async () => {
    const screening = screeningFor(true, 'open');
    await expect(screening.screen('shop-1', charges)).resolves.toEqual({ toAuthorize: charges, declined: [] });
    await screening.onModuleDestroy();
  });
});
