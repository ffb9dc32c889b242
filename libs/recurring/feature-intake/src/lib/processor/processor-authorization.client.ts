import { Inject, Injectable } from '@nestjs/common';
import { request } from 'undici';
import type { AuthorizationRequest, AuthorizationResponse } from '@kessai/processor-contracts';
import { INTAKE_OPTIONS, IntakeOptions } from '../intake.options';

export type SingleAuthorizationAnswer =
  | { kind: 'answered'; response: AuthorizationResponse }
  /** A permanent refusal (unknown card): the charge is declined with this code. */
  | { kind: 'refused'; code: string; message: string }
  /** Nothing was recorded at the processor (unavailable, timeout): retry with the same key. */
  | { kind: 'unavailable'; code: string; message: string };

/** The processor's single authorization (`POST /v1/authorizations`), for one charge per API call. */
@Injectable()
export class ProcessorAuthorizationClient {
  constructor(@Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions) {}

  async authorize(authorization: AuthorizationRequest): Promise<SingleAuthorizationAnswer> {
    let response;
    try {
      response = await request(`${this.options.processorUrl}/v1/authorizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(authorization),
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
    } catch (failure) {
      return { kind: 'unavailable', code: 'PROCESSOR_UNREACHABLE', message: (failure as Error).message };
    }
    const body = (await response.body.json().catch(() => ({}))) as AuthorizationResponse & { error?: { code: string; message: string } };
    if (response.statusCode === 200) return { kind: 'answered', response: body };
    const code = body.error?.code ?? `PROCESSOR_HTTP_${response.statusCode}`;
    const message = body.error?.message ?? `the processor answered ${response.statusCode}`;
    if (response.statusCode >= 500) return { kind: 'unavailable', code, message };
    return { kind: 'refused', code, message };
  }
}
