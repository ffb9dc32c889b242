export { VelocityStore, VELOCITY_KEY_PREFIX } from './lib/velocity.store';
export { RecordVelocityWhenPaymentAuthorizedHandler } from './lib/record-velocity-when-payment-authorized.handler';
