import type { DataSource } from 'typeorm';
import type { PaymentAttemptEntity, PaymentPageEntity } from '@kessai/payment-data-access';
import type { PaymentPagesOptions } from '../payment-pages.options';
import { CardPaymentScreening } from './card-payment-screening';

// Nothing listens on port 9 of the loopback: credit screening is unreachable.
const UNREACHABLE = 'http://127.0.0.1:9';

describe('CardPaymentScreening', () => {
  const page = { merchantId: 'merchant-1', amount: 5000, currency: 'JPY', customerPhone: null } as PaymentPageEntity;
  const attempt = { id: '0190b2c4-0000-7000-8000-000000000001' } as PaymentAttemptEntity;
  const screeningFor = (enabled: boolean | undefined, failureMode: 'open' | 'closed') => {
    const dataSource = { getRepository: () => ({ findOneBy: async () => (enabled === undefined ? null : { enabled, onReview: 'decline' }) }) } as unknown as DataSource;
    return new CardPaymentScreening(dataSource, { screening: { url: UNREACHABLE, timeoutMs: 500, failureMode } } as PaymentPagesOptions);
  };

  it('lets the payment through without asking when the merchant has no screening', async () => {
    const screening = screeningFor(undefined, 'closed');
    await expect(screening.check(page, attempt, { cardRef: 'card-1' }, {})).resolves.toEqual({ screenedOut: false });
    await screening.onModuleDestroy();
  });

  it('stops the payment when screening is unreachable and the service fails closed', async () => {
    const screening = screeningFor(true, 'closed');
    await expect(screening.check(page, attempt, { cardRef: 'card-1' }, {})).resolves.toEqual({ screenedOut: true, reasonCode: 'screening_unavailable' });
    await screening.onModuleDestroy();
  });

  it('lets the payment through when screening is unreachable and the service fails open', async () => {
    const screening = screeningFor(true, 'open');
    await expect(screening.check(page, attempt, { cardRef: 'card-1' }, {})).resolves.toEqual({ screenedOut: false });
    await screening.onModuleDestroy();
  });
});
