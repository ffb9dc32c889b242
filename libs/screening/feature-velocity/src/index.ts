export { VelocityStore, VELOCITY_KEY_PREFIX } from './lib/velocity.store';
