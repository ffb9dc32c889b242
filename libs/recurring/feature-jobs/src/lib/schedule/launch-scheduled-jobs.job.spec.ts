import type { DataSource, EntityManager } from 'typeorm';
import type { JobScheduleRepository } from '@kessai/recurring-data-access';
import { FixedClock } from '@kessai/shared-clock';
import type { StartJobExecutionCommand } from '../commands/start-job-execution/start-job-execution.command';
import type { StartJobExecutionHandler } from '../commands/start-job-execution/start-job-execution.handler';
import type { JobRegistry } from '../jobs/job-registry';
import type { JobsOptions } from '../jobs.options';
import { parseJobSchedule } from './job-schedule';
import { LaunchScheduledJobsJob } from './launch-scheduled-jobs.job';

/** Two instances sharing one slot table (a set standing for the table's primary key). */
function setUp(schedule: string, clock: FixedClock) {
  const taken = new Set<string>();
  const launches: StartJobExecutionCommand[] = [];
  const slots = {
    isTaken: async (entry: string, slot: Date) => taken.has(`${entry}@${slot.toISOString()}`),
    takeSlot: async (_t: EntityManager, slot: { entry: string; slot: Date }) => {
      const key = `${slot.entry}@${slot.slot.toISOString()}`;
      if (taken.has(key)) return false;
      taken.add(key);
      return true;
    },
  } as unknown as JobScheduleRepository;
  const launcher = {
    executeIn: async (_t: EntityManager, executionId: string, command: StartJobExecutionCommand) => {
      launches.push(command);
      return { executionId, shops: 3 };
    },
  } as unknown as StartJobExecutionHandler;
  const dataSource = { transaction: (work: (t: EntityManager) => Promise<unknown>) => work({} as EntityManager) } as unknown as DataSource;
  const registry = { names: () => ['generate-charges', 'authorize-charges'] } as unknown as JobRegistry;
  const options = { schedule: parseJobSchedule(schedule), perJob: {}, scheduleCatchUpMs: 6 * 3600_000, schedulePollMs: 1000 } as unknown as JobsOptions;
  const instance = () => new LaunchScheduledJobsJob(dataSource, registry, slots, launcher, clock, options);
  return { instances: [instance(), instance()], launches };
}

describe('LaunchScheduledJobsJob', () => {
  const schedule = JSON.stringify([
    { job: 'generate-charges', cron: '0 2 1 * *' },
    { job: 'authorize-charges', cron: '30 0 6 * *', deadlineDay: 5 },
  ]);

  it('launches a job once per slot, whichever of two instances looks first, and not before its time', async () => {
    const clock = new FixedClock('2026-02-28T16:59:00Z'); // 01:59 on March 1st in Tokyo
    const { instances, launches } = setUp(schedule, clock);
    for (const instance of instances) await instance.tick();
    // the slot of the month before is older than the catch-up window
    expect(launches).toEqual([]);

    clock.advance(60_000); // 02:00 in Tokyo
    const launched = [...(await instances[0].tick()), ...(await instances[1].tick())];
    clock.advance(60_000);
    for (const instance of instances) await instance.tick();
    expect(launched).toHaveLength(1);
    expect(launches).toHaveLength(1);
    expect(launches[0]).toMatchObject({ jobName: 'generate-charges', cycle: '2026-03', includeShops: null, dryRun: false, deadlineDay: null });
  });

  it("launches authorization for the shops whose deadline has passed, for the slot's cycle", async () => {
    const clock = new FixedClock('2026-03-05T15:30:00Z'); // 00:30 on March 6th in Tokyo
    const { instances, launches } = setUp(schedule, clock);
    await instances[1].tick();
    expect(launches).toEqual([expect.objectContaining({ jobName: 'authorize-charges', cycle: '2026-03', deadlineDay: 5 })]);
  });

  it('fires a slot missed while no instance ran, within the catch-up window', async () => {
    const clock = new FixedClock('2026-02-28T22:00:00Z'); // 07:00 in Tokyo, five hours late
    const { instances, launches } = setUp(schedule, clock);
    await instances[0].tick();
    expect(launches).toEqual([expect.objectContaining({ jobName: 'generate-charges', cycle: '2026-03' })]);
  });

  it('refuses at start a schedule entry naming a job that does not exist', () => {
    const { instances } = setUp(JSON.stringify([{ job: 'polish-the-moon', cron: '0 2 1 * *' }]), new FixedClock());
    expect(() => instances[0].onModuleInit()).toThrow(/RECURRING_SCHEDULE: entry "polish-the-moon 0 2 1 \* \*" names the job "polish-the-moon", which does not exist/);
  });
});
