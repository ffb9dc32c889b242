import { DynamicModule, Module } from '@nestjs/common';
import { RefreshCardsHandler } from './commands/refresh-cards/refresh-cards.handler';
import { RefreshCardsHttpController } from './commands/refresh-cards/refresh-cards.http.controller';
import { SettleSalesConfirmationFileHandler } from './commands/settle-sales-confirmation-file/settle-sales-confirmation-file.handler';
import { SettleSalesConfirmationFileHttpController } from './commands/settle-sales-confirmation-file/settle-sales-confirmation-file.http.controller';
import { FILES_OPTIONS, FilesOptions } from './files.options';
import { GetFileResultHttpController } from './queries/get-file-result/get-file-result.http.controller';

@Module({})
export class FilesModule {
  static forRoot(options: FilesOptions): DynamicModule {
    return {
      module: FilesModule,
      controllers: [SettleSalesConfirmationFileHttpController, RefreshCardsHttpController, GetFileResultHttpController],
      providers: [{ provide: FILES_OPTIONS, useValue: options }, SettleSalesConfirmationFileHandler, RefreshCardsHandler],
    };
  }
}
