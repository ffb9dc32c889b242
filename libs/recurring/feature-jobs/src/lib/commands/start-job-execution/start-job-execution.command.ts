export class StartJobExecutionCommand {
  constructor(
    readonly jobName: string,
    readonly cycle: string,
    readonly includeShops: string[] | null,
    readonly excludeShops: string[] | null,
    readonly dryRun: boolean,
  ) {}
}
