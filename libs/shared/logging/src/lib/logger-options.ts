import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { currentRequestContext } from '@kessai/shared-context';
import { currentTraceIds } from '@kessai/shared-telemetry';

/**
 * Paths pino blanks out wherever they appear. Kessai never receives a card number (the browser tokenizes it),
 * but a mistaken client could still post one: it must not reach a log line.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.cardNumber',
  '*.card_number',
  '*.pan',
  '*.securityCode',
  '*.cvc',
  '*.cvv',
  '*.password',
  '*.apiKey',
];

/** JSON logs with the request id, correlation id and trace id on every line, HTTP or Kafka alike. */
export function loggerOptions(serviceName: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service: serviceName },
      messageKey: 'message',
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label: string) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (req: IncomingMessage) => req.id ?? currentRequestContext()?.requestId ?? '',
      customProps: () => ({}),
      mixin: () => {
        const context = currentRequestContext();
        const trace = currentTraceIds();
        return {
          ...(context && { requestId: context.requestId, correlationId: context.correlationId }),
          ...(trace && { traceId: trace.traceId, spanId: trace.spanId }),
        };
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      quietReqLogger: true,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
  };
}
