import { DynamicModule, Module } from '@nestjs/common';
import { ApiChargeRepository, ChargeFileRepository, ChargeRepository, MemberRepository, ShopRepository } from '@kessai/recurring-data-access';
import { CreateChargeHandler } from './commands/create-charge/create-charge.handler';
import { CreateChargeHttpController } from './commands/create-charge/create-charge.http.controller';
import { AuthorizeImmediateFile } from './commands/receive-charge-file/authorize-immediate-file';
import { ImmediateAuthorization } from './commands/receive-charge-file/immediate-authorization';
import { ReceiveChargeFileHandler } from './commands/receive-charge-file/receive-charge-file.handler';
import { UploadChargeFileHttpController } from './commands/upload-charge-file/upload-charge-file.http.controller';
import { INTAKE_OPTIONS, IntakeOptions } from './intake.options';
import { GetChargeFileHttpController } from './queries/get-charge-file/get-charge-file.http.controller';
import { ProcessorAuthorizationClient } from './processor/processor-authorization.client';
import { SftpInboxPoller } from './sftp/sftp-inbox.poller';

/** The ways merchants send charges: one per API call, CSV upload, SFTP inbox, immediate files. */
@Module({})
export class IntakeModule {
  static forService(options: IntakeOptions): DynamicModule {
    return {
      module: IntakeModule,
      controllers: [CreateChargeHttpController, UploadChargeFileHttpController, GetChargeFileHttpController],
      providers: [
        { provide: INTAKE_OPTIONS, useValue: options },
        { provide: ImmediateAuthorization, useClass: AuthorizeImmediateFile },
        ShopRepository,
        MemberRepository,
        ChargeRepository,
        ApiChargeRepository,
        ChargeFileRepository,
        ProcessorAuthorizationClient,
        CreateChargeHandler,
        ReceiveChargeFileHandler,
        SftpInboxPoller,
      ],
    };
  }
}
