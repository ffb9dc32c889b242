export class StartJobExecutionCommand {
  constructor(
    readonly jobName: string,
    readonly cycle: string,
    readonly includeShops: string[] | null,
    readonly excludeShops: string[] | null,
    readonly dryRun: boolean,
    /** Only shops whose upload deadline is this day (the schedule's launch after a deadline). */
    readonly deadlineDay: number | null = null,
  ) {}
}
