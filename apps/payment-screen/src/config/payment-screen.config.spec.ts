import { loadPaymentScreenConfig } from './payment-screen.config';

describe('the payment screen configuration', () => {
  it('defaults customer flow control to per-merchant limits that fail open', () => {
    const config = loadPaymentScreenConfig({});
    expect(config).toMatchObject({ PAYMENT_FLOW_RATE_PER_SECOND: 200, PAYMENT_FLOW_CONCURRENCY: 200, PAYMENT_FLOW_REDIS_FAILURE_MODE: 'open' });
  });

  it.each([
    ['PAYMENT_FLOW_REDIS_FAILURE_MODE', 'sometimes'],
    ['PAYMENT_FLOW_LEASE_MS', '1000'],
    ['PAYMENT_FLOW_RESERVED_PERCENT', '95'],
    ['PAYMENT_FLOW_RATE_PER_SECOND', 'fast'],
    ['PAYMENT_FLOW_REDIS_URL', 'http://127.0.0.1:6379'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadPaymentScreenConfig({ [name]: value })).toThrow(new RegExp(`${name}: .*\\(got "${value.replace(/[.:/]/g, '\\$&')}"\\)`));
  });
});
