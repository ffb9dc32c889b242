import { Inject, Injectable } from '@nestjs/common';
import { request } from 'undici';
import type { AuthorizationRequest, BulkAuthorizationLine } from '@kessai/processor-contracts';
import { JOBS_OPTIONS, JobsOptions } from '../jobs.options';

/** The processor's bulk authorization API: NDJSON in, one NDJSON answer line per request line, in order. */
@Injectable()
export class ProcessorAuthorizationsClient {
  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {}

  async bulkAuthorize(requests: AuthorizationRequest[]): Promise<BulkAuthorizationLine[]> {
    const response = await request(`${this.options.processorUrl}/v1/authorizations/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: requests.map((line) => JSON.stringify(line)).join('\n') + '\n',
      headersTimeout: 120_000,
      bodyTimeout: 120_000,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`processor bulk authorization answered ${response.statusCode}: ${text.slice(0, 300)}`);
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as BulkAuthorizationLine);
  }
}
