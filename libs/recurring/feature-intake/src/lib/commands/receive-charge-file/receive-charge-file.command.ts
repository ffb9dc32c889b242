import type { ChargeFileChannel, ChargeFileMode } from '@kessai/recurring-data-access';
import type { CsvEncoding } from '@kessai/shared-csv';

/** A charge file arriving, by API upload or from an SFTP inbox; its bytes are read once, as they come. */
export interface ReceiveChargeFileCommand {
  shopId: string;
  mode: ChargeFileMode;
  /** `YYYY-MM` for a cycle file; none: the current cycle. Immediate files go to the current cycle. */
  cycle?: string;
  channel: ChargeFileChannel;
  name: string;
  encoding: CsvEncoding | 'auto';
  /** Given by the SFTP claim (the id is in the claimed file's name), so a restart continues the same file. */
  fileId?: string;
  source: AsyncIterable<Buffer>;
}
