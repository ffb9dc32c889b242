import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { RuleSetRepository, RuleSetVersion } from '@kessai/screening-data-access';
import { CompiledRuleSet } from '@kessai/screening-domain';
import { SCREENING_OPTIONS, ScreeningOptions } from '../screening.options';

export interface LoadedRuleSet {
  version: number;
  rules: CompiledRuleSet;
}

/** The compiled active and shadow rule sets of this instance, reloaded whenever a deployment changes. */
@Injectable()
export class RuleSetCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RuleSetCache');
  private active?: LoadedRuleSet;
  private shadow?: LoadedRuleSet;
  private stamp?: string;
  private timer?: NodeJS.Timeout;
  private readonly compiled = new Map<number, CompiledRuleSet>();

  constructor(
    private readonly ruleSets: RuleSetRepository,
    @Inject(SCREENING_OPTIONS) private readonly options: ScreeningOptions,
  ) {}

  /** A failed first load (database down, schema not migrated yet) does not stop start-up: the next poll retries. */
  async onModuleInit(): Promise<void> {
    await this.refreshLogged();
    this.timer = setInterval(() => void this.refreshLogged(), this.options.rulesRefreshMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  current(): { active?: LoadedRuleSet; shadow?: LoadedRuleSet } {
    return { active: this.active, shadow: this.shadow };
  }

  /** Reloads when the deployment changed since the last look (cheap when it did not). */
  async refresh(): Promise<void> {
    const stamp = await this.ruleSets.deploymentStamp();
    if (stamp === this.stamp) return;
    const deployment = await this.ruleSets.deployment();
    this.active = deployment.active && this.load(deployment.active);
    this.shadow = deployment.shadow && this.load(deployment.shadow);
    this.stamp = stamp;
    this.logger.log(`rule sets: active v${this.active?.version ?? '-'}, shadow v${this.shadow?.version ?? '-'}`);
  }

  private refreshLogged(): Promise<void> {
    return this.refresh().catch((error: Error) => this.logger.error(`could not load rule sets: ${error.message}`));
  }

  /** Published versions never change, so each is compiled once per instance. */
  private load(version: RuleSetVersion): LoadedRuleSet {
    let rules = this.compiled.get(version.version);
    if (!rules) {
      rules = CompiledRuleSet.compile(version.rules);
      this.compiled.set(version.version, rules);
    }
    return { version: version.version, rules };
  }
}
