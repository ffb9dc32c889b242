import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import SftpClient from 'ssh2-sftp-client';
import { DataSource } from 'typeorm';
import { ChargeFileRecord, ChargeFileRepository, ShopRepository } from '@kessai/recurring-data-access';
import { RecurringException } from '@kessai/recurring-domain';
import { writeQueryAsCsv } from '@kessai/shared-csv';
import { newId } from '@kessai/shared-ids';
import { ReceiveChargeFileHandler } from '../commands/receive-charge-file/receive-charge-file.handler';
import { CHARGE_FILE_ERROR_COLUMNS, toChargeFileResponse } from '../http/charge-file.response';
import { INTAKE_OPTIONS, IntakeOptions, SftpIntakeOptions } from '../intake.options';
import { claimedName, parseClaimedName, readInboxName, shopSftpPaths } from './shop-sftp-paths';

/**
 * Reads every shop's SFTP inbox. A file is claimed by renaming it into `processing/` under a new file id (the
 * server renames with link+unlink: of two engine instances only one claim succeeds), streamed through the
 * same intake as an upload, reported in the shop's `outbox/` and moved to `done/` (or `refused/`). After a
 * crash the files left in `processing/` continue under their id: a merged file is not merged again.
 */
@Injectable()
export class SftpInboxPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SftpInboxPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private client?: SftpClient;

  constructor(
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
    private readonly handler: ReceiveChargeFileHandler,
    private readonly shops: ShopRepository,
    private readonly files: ChargeFileRepository,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const sftp = this.options.sftp;
    if (!sftp) return;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.pollOnce(sftp)
        .catch((failure: Error) => {
          this.logger.error(`SFTP poll failed: ${failure.message}`);
          void this.disconnect();
        })
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, sftp.pollIntervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.disconnect();
  }

  private async connect(sftp: SftpIntakeOptions): Promise<SftpClient> {
    if (this.client) return this.client;
    const client = new SftpClient('recurring-engine');
    await client.connect({
      host: sftp.host,
      port: sftp.port,
      username: sftp.username,
      privateKey: sftp.privateKey,
      readyTimeout: 10_000,
      // the server must be the one configured: its key's SHA-256 as ssh-keygen -l prints it
      hostVerifier: (key: Buffer) => `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}` === sftp.hostKeySha256,
    });
    client.on('error', () => void this.disconnect());
    this.client = client;
    return client;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** One pass over all shops' inboxes (and their files left in processing by a crash). */
  async pollOnce(sftp: SftpIntakeOptions): Promise<void> {
    const client = await this.connect(sftp);
    const shopDirectories = (await client.list(sftp.root)).filter((entry) => entry.type === 'd').map((entry) => entry.name);
    for (const shopId of shopDirectories) {
      if (this.stopped) return;
      if (!/^[\w-]{1,64}$/.test(shopId) || !(await this.shops.find(shopId))) continue;
      await this.pollShop(client, sftp.root, shopId);
    }
  }

  private async pollShop(client: SftpClient, root: string, shopId: string): Promise<void> {
    const paths = shopSftpPaths(root, shopId);
    for (const directory of [paths.inbox, paths.processing, paths.done, paths.refused, paths.outbox]) {
      if (!(await client.exists(directory))) await client.mkdir(directory, true);
    }
    for (const entry of await client.list(paths.processing)) {
      const claimed = parseClaimedName(entry.name);
      if (entry.type === '-' && claimed) await this.process(client, paths, shopId, claimed.fileId, claimed.name);
    }
    for (const entry of await client.list(paths.inbox)) {
      if (this.stopped) return;
      if (entry.type !== '-' || !readInboxName(entry.name)) continue;
      const fileId = newId();
      try {
        await client.rename(posix.join(paths.inbox, entry.name), posix.join(paths.processing, claimedName(fileId, entry.name)));
      } catch {
        continue; // claimed by another instance in the meantime
      }
      await this.process(client, paths, shopId, fileId, entry.name);
    }
  }

  private async process(client: SftpClient, paths: ReturnType<typeof shopSftpPaths>, shopId: string, fileId: string, name: string): Promise<void> {
    const claimedPath = posix.join(paths.processing, claimedName(fileId, name));
    const read = readInboxName(name) ?? { mode: 'cycle' as const };
    let file: ChargeFileRecord | null;
    let refusal: RecurringException | null = null;
    try {
      file = await this.handler.execute({
        shopId,
        fileId,
        name,
        channel: 'sftp',
        encoding: 'auto',
        ...read,
        source: client.createReadStream(claimedPath, { highWaterMark: 256 * 1024 }),
      });
    } catch (failure) {
      if (!(failure instanceof RecurringException)) throw failure; // stays in processing: the next poll continues it
      refusal = failure;
      file = await this.files.find(shopId, fileId);
    }
    await this.report(client, paths.outbox, fileId, name, file, refusal);
    const target = file?.status === 'merged' || file?.status === 'duplicate' ? paths.done : paths.refused;
    await client.rename(claimedPath, posix.join(target, claimedName(fileId, name)));
    this.logger.log(`SFTP ${shopId}/${name} (${fileId}): ${file?.status ?? 'refused'}${refusal ? `: ${refusal.message}` : ''}`);
  }

  /** `<name>.<file id>.result.json` and, when lines had errors, `.errors.csv`, written under a dot name then renamed. */
  private async report(client: SftpClient, outbox: string, fileId: string, name: string, file: ChargeFileRecord | null, refusal: RecurringException | null): Promise<void> {
    const base = `${name}.${fileId}`;
    const result = file ? { ...toChargeFileResponse(file), ...(refusal ? { error: refusal.message, errorCode: refusal.code } : {}) } : { name, status: 'refused', errorCode: refusal?.code, error: refusal?.message };
    await this.writeAtomically(client, outbox, `${base}.result.json`, async (path) => {
      await client.put(Buffer.from(`${JSON.stringify(result, null, 2)}\n`, 'utf8'), path);
    });
    if (file && file.rejected + (file.status === 'refused' ? 1 : 0) > 0) {
      await this.writeAtomically(client, outbox, `${base}.errors.csv`, async (path) => {
        await writeQueryAsCsv(this.dataSource, client.createWriteStream(path), { ...this.files.errorsQuery(file.id), columns: CHARGE_FILE_ERROR_COLUMNS });
      });
    }
  }

  private async writeAtomically(client: SftpClient, directory: string, name: string, write: (path: string) => Promise<void>): Promise<void> {
    const partial = posix.join(directory, `.${name}.part`);
    const final = posix.join(directory, name);
    await write(partial);
    if (await client.exists(final)) await client.delete(final);
    await client.rename(partial, final);
  }
}
