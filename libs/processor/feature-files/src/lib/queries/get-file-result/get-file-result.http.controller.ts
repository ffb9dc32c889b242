import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessorFileEntity } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';

@Controller('v1/files')
export class GetFileResultHttpController {
  constructor(private readonly dataSource: DataSource) {}

  /** The answer file: settlement result or card refresh result (text/csv). */
  @Get(':fileId/result')
  @Header('content-type', 'text/csv; charset=utf-8')
  async result(@Param('fileId', new ParseUUIDPipe()) fileId: string): Promise<string> {
    const file = await this.dataSource.getRepository(ProcessorFileEntity).findOneBy({ id: fileId });
    if (!file) throw new ProcessorException('PROCESSOR_FILE_NOT_FOUND', `No file ${fileId}`, 'fileId');
    return file.result;
  }
}
