import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

export class UploadChargeFileRequestDto {
  /** `cycle` (default): the monthly file, before the shop's deadline. `immediate`: no deadline, authorized at once, capped by the shop's quota. */
  @IsOptional()
  @IsIn(['cycle', 'immediate'])
  mode?: 'cycle' | 'immediate';

  /** `YYYY-MM`; default the current cycle (Japan time). Ignored for immediate files. */
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'cycle must be YYYY-MM' })
  cycle?: string;

  /** `auto` (default) tells UTF-8 from Shift_JIS by the bytes. */
  @IsOptional()
  @IsIn(['auto', 'utf-8', 'shift_jis'])
  encoding?: 'auto' | 'utf-8' | 'shift_jis';

  /** The file's name, for the merchant's own records. */
  @IsOptional()
  @Matches(/^[^/\\\p{Cc}]{1,200}$/u, { message: 'name must be 1 to 200 characters without slashes or control characters' })
  name?: string;

  /**
   * The file's id, chosen by the caller so that it can follow the file from its first byte
   * (`GET /recurring/files/{id}`: `receiving` with the lines read so far, then the outcome). Sending the same id
   * again continues a failed upload and answers a finished one as it is.
   */
  @IsOptional()
  @IsUUID()
  fileId?: string;
}
