import { currentRequestContext } from '@kessai/shared-context';
import { traceHeaders } from '@kessai/shared-telemetry';

/** The request and correlation ids and the trace of the console request, carried to the service called. */
export function currentRequestIds(): Record<string, string> {
  const context = currentRequestContext();
  return {
    ...traceHeaders(),
    ...(context && { 'x-request-id': context.requestId, 'x-correlation-id': context.correlationId }),
  };
}
