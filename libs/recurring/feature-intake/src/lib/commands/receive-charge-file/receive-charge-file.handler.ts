import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse';
import { DataSource } from 'typeorm';
import { ChargeFileRecord, ChargeFileRepository, ShopRepository, stagingLine } from '@kessai/recurring-data-access';
import {
  ChargeFileProblem,
  checkChargeFileHeader,
  Cycle,
  parseChargeFileLine,
  RecurringException,
  requireCycleOpenForUpload,
  ShopSettings,
} from '@kessai/recurring-domain';
import { Clock } from '@kessai/shared-clock';
import { CsvEncoding, decodeCsv } from '@kessai/shared-csv';
import { failpoint } from '@kessai/shared-failpoints';
import { newId } from '@kessai/shared-ids';
import { ImmediateAuthorization } from './immediate-authorization';
import { ReceiveChargeFileCommand } from './receive-charge-file.command';

class HeaderRejected extends Error {
  constructor(readonly problems: ChargeFileProblem[]) {
    super(problems.map((p) => p.reason).join('; '));
  }
}

class QuotaExceeded extends Error {}

const japanToday = (now: Date) => new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
/** How often a file being received records the lines read so far. */
const PROGRESS_EVERY_MS = 1000;

/**
 * A charge file, streamed: decoded chunk by chunk (UTF-8 or Shift_JIS), parsed line by line, each line checked
 * and written by COPY into a staging table (valid lines and the problems of invalid ones), then merged
 * set-based into pending charges in one transaction. Memory does not grow with the file. The same content
 * merged before for the shop, cycle and mode is a duplicate: nothing is created twice. Charges are authorized
 * by the authorize-charges job; an immediate file starts that job for its shop at once.
 */
@Injectable()
export class ReceiveChargeFileHandler {
  private readonly logger = new Logger(ReceiveChargeFileHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly shops: ShopRepository,
    private readonly files: ChargeFileRepository,
    private readonly immediateAuthorization: ImmediateAuthorization,
    private readonly clock: Clock,
  ) {}

  /** Checks what can be checked before reading the file: the shop, the cycle and its deadline. */
  async admit(command: Pick<ReceiveChargeFileCommand, 'shopId' | 'mode' | 'cycle'>): Promise<{ shop: ShopSettings; cycle: Cycle }> {
    const shop = await this.shops.find(command.shopId);
    if (!shop) throw new RecurringException('RECURRING_SHOP_NOT_FOUND', `Shop ${command.shopId} is not set up for recurring billing; ask Kessai to enable it`);
    const now = this.clock.now();
    if (command.mode === 'immediate') {
      if (shop.immediateQuota === 0) {
        throw new RecurringException('RECURRING_IMMEDIATE_QUOTA_EXCEEDED', `Shop ${command.shopId} has no immediate-file quota (immediateQuota is 0); ask Kessai to set one`);
      }
      return { shop, cycle: Cycle.containing(now) };
    }
    const cycle = command.cycle ? Cycle.of(command.cycle) : Cycle.containing(now);
    requireCycleOpenForUpload(cycle, shop.cycleDeadlineDay, now);
    return { shop, cycle };
  }

  async execute(command: ReceiveChargeFileCommand): Promise<ChargeFileRecord> {
    const { shop, cycle } = await this.admit(command);
    const file = await this.files.start({
      id: command.fileId ?? newId(),
      shopId: command.shopId,
      cycle: cycle.toString(),
      mode: command.mode,
      channel: command.channel,
      name: command.name,
      receivedAt: this.clock.now(),
    });
    if (!file) throw new RecurringException('RECURRING_FILE_ID_CONFLICT', `File id ${command.fileId} is taken by another file; choose a new one`, 'fileId');
    if (file.status !== 'receiving') {
      // finished before a crash (an SFTP file claimed again): nothing to do but what follows a merge
      if (file.status === 'merged' && file.mode === 'immediate') await this.immediateAuthorization.start(file.shopId, file.cycle);
      return file;
    }
    return this.load(file, command, shop, cycle);
  }

  private async load(file: ChargeFileRecord, command: ReceiveChargeFileCommand, shop: ShopSettings, cycle: Cycle): Promise<ChargeFileRecord> {
    const hash = createHash('sha256');
    let encoding: CsvEncoding | null = null;
    let linesRead = 0;
    const immediate = command.mode === 'immediate';
    const today = japanToday(this.clock.now());
    // a cycle file's line without charge_day is charged on the day after the upload deadline
    const chargeDate = (day: number | null) => (immediate ? today : cycle.dateOf(day ?? shop.cycleDeadlineDay + 1));
    const skipped: ChargeFileProblem[] = [];
    const parser = parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 64 * 1024,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        skipped.push({ line: Number(error?.lines ?? 0), column: '', reason: `the line is not valid CSV: ${error?.message ?? 'unreadable'}` });
        return undefined;
      },
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim().toLowerCase());
        const problems = checkChargeFileHeader(names);
        if (problems.length > 0) throw new HeaderRejected(problems);
        return names;
      },
    });
    const hashed = (async function* () {
      for await (const chunk of command.source) {
        hash.update(chunk as Buffer);
        yield chunk as Buffer;
      }
    })();
    const quota = shop.immediateQuota;
    const toStagingRows = async function* (records: AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const drainSkipped = function* () {
        for (const problem of skipped.splice(0)) {
          linesRead += 1;
          yield stagingLine({ line: problem.line, memberId: null, cardRef: null, amount: null, currency: null, chargeDate: null, errorColumn: '', errorReason: problem.reason });
        }
      };
      for await (const { record, info } of records) {
        yield* drainSkipped();
        linesRead += 1;
        if (immediate && linesRead > quota) throw new QuotaExceeded();
        const parsed = parseChargeFileLine(record, info.lines);
        if ('problems' in parsed) {
          for (const problem of parsed.problems) {
            yield stagingLine({ line: problem.line, memberId: null, cardRef: null, amount: null, currency: null, chargeDate: null, errorColumn: problem.column, errorReason: problem.reason });
          }
        } else {
          const line = parsed.line;
          yield stagingLine({ ...line, chargeDate: chargeDate(line.chargeDay), errorColumn: null, errorReason: null });
        }
      }
      yield* drainSkipped();
    };

    // The lines read so far, from the first batch on and then at most once a second, for whoever follows the file
    // (GET /recurring/files/{id}).
    const files = this.files;
    let reportedAt = 0;
    let reporting: Promise<void> | undefined;
    const reportProgress = () => {
      if (reporting || Date.now() - reportedAt < PROGRESS_EVERY_MS) return;
      reportedAt = Date.now();
      reporting = files
        .recordProgress(file.id, linesRead)
        .catch(() => undefined)
        .finally(() => (reporting = undefined));
    };
    // COPY gets ~64 KiB writes, not one message per line
    const batched = async function* (rows: AsyncIterable<string>) {
      let buffer = '';
      for await (const row of rows) {
        buffer += row;
        if (buffer.length >= 65_536) {
          yield buffer;
          buffer = '';
          reportProgress();
        }
      }
      if (buffer) yield buffer;
    };
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await this.files.createStaging(runner);
      try {
        const copy = await this.files.openStagingCopy(runner);
        await pipeline(Readable.from(decodeCsv(hashed, command.encoding, (decided) => (encoding = decided))), parser, toStagingRows, batched, copy);
      } catch (failure) {
        return await this.refuse(file, failure, { encoding, linesRead, quota });
      }
      await reporting;
      const sha256 = hash.digest('hex');
      const earlier = await this.files.findMergedWithContent(file.shopId, file.cycle, file.mode, sha256);
      if (earlier) return await this.duplicate(file, earlier, { encoding, sha256, linesRead });

      failpoint('recurring.intake.before-merge');
      await runner.startTransaction();
      try {
        const loadedAt = Date.now();
        const merged = await this.files.mergeStaged(runner, { id: file.id, shopId: file.shopId, cycle: file.cycle, immediate, encoding, sha256, linesRead, at: this.clock.now() });
        await runner.commitTransaction();
        this.logger.log(`charge file ${file.id} (${file.shopId}, ${file.cycle}, ${file.mode}): ${linesRead} lines, ${merged.accepted} charges, ${merged.rejected} lines with errors (merged in ${Date.now() - loadedAt} ms)`);
      } catch (failure) {
        await runner.rollbackTransaction();
        const concurrent = (failure as { code?: string; constraint?: string }).constraint === 'charge_file_merged_content';
        if (!concurrent) throw failure;
        const first = (await this.files.findMergedWithContent(file.shopId, file.cycle, file.mode, sha256)) as ChargeFileRecord;
        return await this.duplicate(file, first, { encoding, sha256, linesRead });
      }
      failpoint('recurring.intake.after-merge');
    } finally {
      await this.files.dropStaging(runner).catch(() => undefined);
      await runner.release();
    }
    if (immediate) await this.immediateAuthorization.start(file.shopId, file.cycle);
    return (await this.files.find(file.shopId, file.id)) as ChargeFileRecord;
  }

  private async duplicate(file: ChargeFileRecord, earlier: ChargeFileRecord, read: { encoding: string | null; sha256: string; linesRead: number }): Promise<ChargeFileRecord> {
    await this.files.finishUnmerged(file.id, { status: 'duplicate', ...read, duplicateOf: earlier.id, error: `the same file was merged before as ${earlier.id} (${earlier.name}): nothing was created twice`, at: this.clock.now() });
    if (earlier.mode === 'immediate') await this.immediateAuthorization.start(earlier.shopId, earlier.cycle);
    return (await this.files.find(file.shopId, file.id)) as ChargeFileRecord;
  }

  /** A file that cannot be merged as a whole: its header is wrong, it is over the immediate quota, or reading it failed. */
  private async refuse(file: ChargeFileRecord, failure: unknown, read: { encoding: string | null; linesRead: number; quota: number }): Promise<never> {
    const base = { encoding: read.encoding, sha256: null, linesRead: read.linesRead, at: this.clock.now() };
    if (failure instanceof HeaderRejected) {
      const error = `The header row is not valid: ${failure.message}. Nothing was charged; fix the header and upload the file again`;
      await this.files.finishUnmerged(file.id, { ...base, status: 'refused', errorCode: 'RECURRING_FILE_INVALID', error, problems: failure.problems });
      throw new RecurringException('RECURRING_FILE_INVALID', `${error} (file ${file.id})`, 'header');
    }
    if (failure instanceof QuotaExceeded) {
      const error = `The immediate file has more than the shop's quota of ${read.quota} records: it was refused as a whole and nothing was charged. Split it, or send the charges in the monthly file`;
      await this.files.finishUnmerged(file.id, { ...base, status: 'refused', errorCode: 'RECURRING_IMMEDIATE_QUOTA_EXCEEDED', error });
      throw new RecurringException('RECURRING_IMMEDIATE_QUOTA_EXCEEDED', `${error} (file ${file.id})`);
    }
    this.logger.error(`charge file ${file.id} could not be read: ${(failure as Error).message}`);
    await this.files.finishUnmerged(file.id, { ...base, status: 'failed', errorCode: 'RECURRING_FILE_INVALID', error: `The file could not be read: ${(failure as Error).message}; nothing was charged, send it again` });
    throw failure;
  }
}
