import 'reflect-metadata';
import { DynamicModule, INestApplication, Logger as NestLogger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, redactConfig, ServiceConfig } from '@kessai/shared-config';
import { armFailpoints } from '@kessai/shared-failpoints';
import { ShutdownState } from '@kessai/shared-health';
import { httpTracingMiddleware, startTelemetry, stopTelemetry } from '@kessai/shared-telemetry';
import { requestValidationPipe } from './validation.pipe';

export interface ServiceDefinition<TConfig extends ServiceConfig> {
  serviceName: string;
  /** Reads and validates the environment; throws ConfigurationError naming each bad variable. */
  loadConfig: () => TConfig;
  appModule: (config: TConfig) => Type | DynamicModule;
  /**
   * Parse JSON and urlencoded bodies for every route (default true). The throttle gateway turns it off: it
   * forwards bodies byte for byte and parses only its admin API's.
   */
  bodyParser?: boolean;
  /**
   * A request listener in front of the Nest application, for a hot path that must not pay for Express, Nest
   * routing and the per-request middleware: it answers the requests it takes and returns true, and every other
   * request goes on to Nest. The throttle gateway serves its merchant API this way.
   */
  frontListener?: (app: INestApplication) => FrontListener;
}

/** Handles a request and returns true, or returns false (without touching the request) to pass it to Nest. */
export type FrontListener = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Builds a service's Nest application without listening: `main.ts` and in-process tests share it. */
export async function createServiceApp<TConfig extends ServiceConfig>(
  definition: ServiceDefinition<TConfig>,
  config: TConfig,
): Promise<INestApplication> {
  armFailpoints(config.FAILPOINTS);
  startTelemetry({
    serviceName: definition.serviceName,
    exporter: config.OTEL_TRACES_EXPORTER as 'none',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  // rawBody: signed webhooks are verified over the exact bytes received (req.rawBody), not a re-serialization.
  const app = await NestFactory.create<NestExpressApplication>(definition.appModule(config), { bufferLogs: true, bodyParser: false, rawBody: true });
  if (definition.bodyParser ?? true) {
    app.useBodyParser('json', { limit: `${config.HTTP_JSON_LIMIT_KB}kb` });
    app.useBodyParser('urlencoded', { limit: `${config.HTTP_JSON_LIMIT_KB}kb`, extended: false });
  }
  app.useLogger(app.get(Logger));
  app.use(httpTracingMiddleware(definition.serviceName));
  app.useGlobalPipes(requestValidationPipe());
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  if (definition.frontListener) putInFront(app.getHttpServer() as Server, definition.frontListener(app));
  return app;
}

function putInFront(server: Server, front: FrontListener): void {
  const nest = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (front(req, res)) return;
    for (const listener of nest) listener.call(server, req, res);
  });
}

/**
 * Starts a service: validated configuration (a wrong variable stops it, naming the variable), HTTP on
 * HOST:PORT, and a graceful exit on SIGTERM or SIGINT.
 */
export async function runService<TConfig extends ServiceConfig>(definition: ServiceDefinition<TConfig>): Promise<void> {
  let config: TConfig;
  try {
    config = definition.loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${definition.serviceName} cannot start. ${error.message}\n`);
    process.exit(1);
  }
  const app = await createServiceApp(definition, config);
  const logger = new NestLogger(definition.serviceName);
  stopGracefully(app, config, logger);
  await app.listen(config.PORT, config.HOST);
  logger.log({ config: redactConfig(config) }, 'configuration');
  logger.log(`${definition.serviceName} listening on http://${config.HOST}:${config.PORT}`);
}

/**
 * On SIGTERM: report not-ready, stop taking requests and let those in flight finish, stop the consumers
 * (each finishes its event), flush the outbox, close the connections and exit 0, all within
 * SHUTDOWN_TIMEOUT_MS; past that, exit 1 so the orchestrator knows work may have been cut short.
 */
function stopGracefully(app: INestApplication, config: ServiceConfig, logger: NestLogger): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing in-flight work`);
    const server = app.getHttpServer() as Server;
    const hardStop = setTimeout(() => {
      logger.error(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms: exiting anyway`);
      server.closeAllConnections();
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    hardStop.unref();
    try {
      app.get(ShutdownState).begin();
      await new Promise<void>((resolve) => {
        // A connection whose request finishes after close() turns idle but stays open (keep-alive) until the
        // client's or the server's keep-alive timeout; sweep idle connections until the server has closed.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
      await app.close();
      await stopTelemetry();
      logger.log('stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
