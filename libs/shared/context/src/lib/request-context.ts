import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who asked for the work in progress: set for each HTTP request and each consumed event, read by the logger
 * (every line carries the ids) and by the outbox (every event records what caused it).
 */
export interface RequestContext {
  requestId: string;
  correlationId: string;
  /** The id of the message (HTTP request or event) that caused the current work. */
  causationId: string;
  merchantId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
