export { runWithRequestContext, currentRequestContext, type RequestContext } from './lib/request-context';
