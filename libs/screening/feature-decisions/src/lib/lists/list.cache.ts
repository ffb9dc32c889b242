import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ListChange, ListEntryRepository, ListName, normalizeListValue } from '@kessai/screening-data-access';
import { IdentityKind } from '@kessai/screening-domain';
import { SCREENING_OPTIONS, ScreeningOptions } from '../screening.options';

/**
 * The allow and block lists in this instance's memory, so a decision checks them without a round trip.
 * Loaded whole at start, then kept current from the change log; another instance's change shows here within
 * rulesRefreshMs, this instance's own at once.
 */
@Injectable()
export class ListCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ListCache');
  private readonly entries = new Map<string, Set<ListName>>();
  private lastChange?: string;
  private timer?: NodeJS.Timeout;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    private readonly lists: ListEntryRepository,
    @Inject(SCREENING_OPTIONS) private readonly options: ScreeningOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh().catch((error: Error) => this.logger.error(`could not load lists: ${error.message}`));
    this.timer = setInterval(
      () => void this.refresh().catch((error: Error) => this.logger.error(`could not update lists: ${error.message}`)),
      this.options.rulesRefreshMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Which lists, global or the merchant's, hold any of the identities. */
  hits(merchantId: string, identities: Partial<Record<IdentityKind, string>>): { list: ListName; identity: IdentityKind }[] {
    const hits: { list: ListName; identity: IdentityKind }[] = [];
    for (const [identity, raw] of Object.entries(identities) as [IdentityKind, string | undefined][]) {
      if (!raw) continue;
      const value = normalizeListValue(raw);
      for (const scope of ['global', merchantId]) {
        for (const list of this.entries.get(key(scope, identity, value)) ?? []) hits.push({ list, identity });
      }
    }
    return hits;
  }

  /** Applies the changes since the last look (or loads everything the first time); calls never overlap. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.catch(() => undefined).then(() => this.applyChanges());
    return this.refreshing;
  }

  private async applyChanges(): Promise<void> {
    if (this.lastChange === undefined) {
      const { entries, lastChange } = await this.lists.snapshot();
      this.entries.clear();
      for (const entry of entries) this.apply({ ...entry, id: lastChange, change: 'add' });
      this.lastChange = lastChange;
      this.logger.log(`lists loaded: ${entries.length} entries`);
      return;
    }
    for (;;) {
      const changes = await this.lists.changesSince(this.lastChange);
      for (const change of changes) this.apply(change);
      if (changes.length === 0) return;
      this.lastChange = changes[changes.length - 1].id;
    }
  }

  private apply(change: ListChange): void {
    const entryKey = key(change.scope, change.identity, change.value);
    const lists = this.entries.get(entryKey) ?? new Set<ListName>();
    if (change.change === 'add') lists.add(change.list);
    else lists.delete(change.list);
    if (lists.size > 0) this.entries.set(entryKey, lists);
    else this.entries.delete(entryKey);
  }
}

function key(scope: string, identity: string, value: string): string {
  return `${scope}\u0000${identity}\u0000${value}`;
}
