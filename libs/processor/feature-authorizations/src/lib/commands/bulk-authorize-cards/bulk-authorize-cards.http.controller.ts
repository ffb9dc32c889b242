import { Controller, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { once } from 'node:events';
import split2 from 'split2';
import type { BulkAuthorizationLine } from '@kessai/processor-contracts';
import { ProcessorException } from '@kessai/processor-domain';
import { NetworkLatency } from '../../network-latency';
import { AuthorizeCardCommand } from '../authorize-card/authorize-card.command';
import { AuthorizeCardHandler } from '../authorize-card/authorize-card.handler';
import { parseBulkAuthorizationLine } from './bulk-authorization-line.parser';

const BATCH_SIZE = 2000;
/** Batches decided while the next one is read: overlaps the database round trip with parsing. */
const BATCHES_IN_FLIGHT = 3;

interface PendingLine {
  line: number;
  command?: AuthorizeCardCommand;
  error?: ProcessorException;
  idempotencyKey?: string;
}

/**
 * POST /v1/authorizations/bulk, `content-type: application/x-ndjson`: one authorization request per line in,
 * one answer per non-empty line out, in the same order, streamed as batches are decided. A bad line is
 * answered with an error naming the line and field; the other lines go on.
 */
@Controller('v1/authorizations')
export class BulkAuthorizeCardsHttpController {
  constructor(
    private readonly handler: AuthorizeCardHandler,
    private readonly latency: NetworkLatency,
  ) {}

  @Post('bulk')
  async bulk(@Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      await this.stream(request, response);
    } catch (error) {
      // Answers already went out: cut the stream so the client sees it incomplete rather than short.
      if (response.headersSent) response.destroy(error as Error);
      else throw error;
    }
  }

  private async stream(request: Request, response: Response): Promise<void> {
    if (!/^application\/(x-)?ndjson/.test(request.header('content-type') ?? '')) {
      throw new ProcessorException('PROCESSOR_NDJSON_LINE_INVALID', 'Send the bulk request as content-type: application/x-ndjson', 'content-type');
    }
    response.status(200).setHeader('content-type', 'application/x-ndjson');
    const inFlight: Promise<string>[] = [];
    const write = async (chunk: string) => {
      if (!response.write(chunk)) await once(response, 'drain');
    };
    let batch: PendingLine[] = [];
    let lineNumber = 0;
    for await (const text of request.pipe(split2()) as AsyncIterable<string>) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      batch.push(this.read(text, lineNumber));
      if (batch.length >= BATCH_SIZE) {
        inFlight.push(this.decide(batch));
        batch = [];
        if (inFlight.length >= BATCHES_IN_FLIGHT) await write(await (inFlight.shift() as Promise<string>));
      }
    }
    if (batch.length > 0) inFlight.push(this.decide(batch));
    for (const pending of inFlight) await write(await pending);
    response.end();
  }

  private read(text: string, line: number): PendingLine {
    try {
      const command = parseBulkAuthorizationLine(text, line);
      return { line, command, idempotencyKey: command.idempotencyKey };
    } catch (error) {
      if (error instanceof ProcessorException) return { line, error };
      throw error;
    }
  }

  private async decide(batch: PendingLine[]): Promise<string> {
    await this.latency.wait();
    const commands = batch.filter((p) => p.command).map((p) => p.command as AuthorizeCardCommand);
    const results = await this.handler.execute(commands);
    let next = 0;
    let out = '';
    for (const pending of batch) {
      let answer: BulkAuthorizationLine;
      const result = pending.command ? results[next++] : { error: pending.error as ProcessorException };
      if ('authorization' in result) {
        answer = { line: pending.line, idempotencyKey: pending.idempotencyKey as string, ...result.authorization };
      } else {
        const { code, message, field } = result.error;
        answer = { line: pending.line, idempotencyKey: pending.idempotencyKey, error: { code, message, ...(field && { field }) } };
      }
      out += `${JSON.stringify(answer)}\n`;
    }
    return out;
  }
}
