export { FAILPOINTS, type Failpoint, armFailpoints, disarmFailpoints, failpoint } from './lib/failpoints';
