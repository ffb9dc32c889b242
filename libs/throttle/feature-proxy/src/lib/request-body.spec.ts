import { paymentMethodsIn } from './request-body';

describe('paymentMethodsIn', () => {
  it('reads a list or a single method from the declared body field', () => {
    expect(paymentMethodsIn(Buffer.from('{"allowedPaymentMethods":["card","konbini","card"]}'), 'allowedPaymentMethods')).toEqual(['card', 'konbini']);
    expect(paymentMethodsIn(Buffer.from('{"paymentMethod":"wallet"}'), 'paymentMethod')).toEqual(['wallet']);
  });

  it('finds none in a body that is not JSON or names no method', () => {
    expect(paymentMethodsIn(Buffer.from('not json'), 'allowedPaymentMethods')).toEqual([]);
    expect(paymentMethodsIn(Buffer.from('{"allowedPaymentMethods":[1,"BAD METHOD"]}'), 'allowedPaymentMethods')).toEqual([]);
    expect(paymentMethodsIn(Buffer.from('{}'), undefined)).toEqual([]);
  });
});
