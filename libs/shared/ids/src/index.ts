export { newId, isUuidV7 } from './lib/ids';
