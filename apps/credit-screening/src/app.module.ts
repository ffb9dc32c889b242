import { DynamicModule, Module } from '@nestjs/common';
import { SCREENING_EVENTS } from '@kessai/screening-contracts';
import { SCREENING_ENTITIES, SCREENING_MIGRATIONS } from '@kessai/screening-data-access';
import { DecisionsFrontListener, DecisionsModule, SCREENING_CONSUMERS } from '@kessai/screening-feature-decisions';
import { ListsModule } from '@kessai/screening-feature-lists';
import { RuleSetsModule } from '@kessai/screening-feature-rule-sets';
import { PlatformModule, ServiceDefinition } from '@kessai/shared-service-runtime';
import { CreditScreeningConfig, loadCreditScreeningConfig } from './config/credit-screening.config';

@Module({})
export class AppModule {
  static forConfig(config: CreditScreeningConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          serviceName: 'credit-screening',
          config,
          database: { entities: SCREENING_ENTITIES, migrations: SCREENING_MIGRATIONS },
          messaging: { publishes: SCREENING_EVENTS, consumers: SCREENING_CONSUMERS },
          redis: true,
        }),
        DecisionsModule.forService({
          modelPath: config.SCREENING_MODEL_PATH,
          rulesRefreshMs: config.SCREENING_RULES_REFRESH_MS,
          recorder: { batchSize: config.DECISION_RECORDER_BATCH_SIZE, flushMs: config.DECISION_RECORDER_FLUSH_MS, maxPending: 100_000 },
          operatorToken: config.SCREENING_OPERATOR_TOKEN,
          maxRequestBodyBytes: config.HTTP_JSON_LIMIT_KB * 1024,
          velocityKeyPrefix: config.VELOCITY_KEY_PREFIX,
        }),
        RuleSetsModule,
        ListsModule,
      ],
    };
  }
}

export const creditScreeningService: ServiceDefinition<CreditScreeningConfig> = {
  serviceName: 'credit-screening',
  loadConfig: () => loadCreditScreeningConfig(),
  appModule: (config) => AppModule.forConfig(config),
  // POST /decisions and /decisions/bulk skip Express and Nest: see DecisionsFrontListener.
  frontListener: (app) => app.get(DecisionsFrontListener).listen,
};
