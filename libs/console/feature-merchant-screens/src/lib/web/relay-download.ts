import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { ConsoleException } from '@kessai/console-domain';
import { apiErrorMessage, ServiceApiClient } from '../clients/service-api.client';

/** Streams a service's CSV file to the browser as a download, without holding it in memory. */
export async function relayDownload(client: ServiceApiClient, path: string, merchantId: string, response: Response, filename: string): Promise<void> {
  const answer = await client.stream(path, merchantId);
  if (answer.status !== 200) {
    const text = await answer.body.text();
    throw new ConsoleException('CONSOLE_USER_INVALID', apiErrorMessage(text ? JSON.parse(text) : undefined));
  }
  response.status(200);
  response.setHeader('content-type', String(answer.headers['content-type'] ?? 'text/csv; charset=utf-8'));
  response.setHeader('content-disposition', `attachment; filename="${filename}"`);
  await pipeline(answer.body, response);
}
