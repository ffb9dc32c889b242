// The peer the gateway is compared with: a NestJS app using @nestjs/throttler with its Redis storage
// (@nest-lab/throttler-storage-redis), keyed by the API key, forwarding GET /bills/:id to billing-requests
// with undici like the gateway. It has a rate limit only: no concurrency limit, no API-key lookup.
import 'reflect-metadata';
import { Controller, Get, Injectable, Module, Param, Req, Res } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request, Response } from 'express';
import Redis from 'ioredis';
import { Pool } from 'undici';

const upstream = new Pool(process.env.BILLING_REQUESTS_URL ?? 'http://127.0.0.1:3001', { connections: 128 });
const merchantOfKey = new Map((process.env.PEER_KEYS ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string]));

@Injectable()
class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return String((req.headers as Record<string, string>).authorization ?? 'anonymous');
  }
}

@Controller('bills')
class BillsProxyController {
  @Get(':billId')
  async get(@Param('billId') billId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const merchantId = merchantOfKey.get((req.headers.authorization ?? '').slice(7)) ?? 'unknown';
    const response = await upstream.request({ path: `/bills/${billId}`, method: 'GET', headers: { 'x-kessai-merchant-id': merchantId } });
    res.status(response.statusCode).type('application/json').send(Buffer.from(await response.body.arrayBuffer()));
  }
}

@Module({
  imports: [
    ThrottlerModule.forRoot({
      throttlers: [{ ttl: 1000, limit: Number(process.env.PEER_LIMIT_PER_SECOND ?? 10) }],
      storage: new ThrottlerStorageRedisService(new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')),
    }),
  ],
  controllers: [BillsProxyController],
  providers: [{ provide: APP_GUARD, useClass: ApiKeyThrottlerGuard }],
})
class PeerModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(PeerModule, { logger: ['error'] });
  await app.listen(Number(process.env.PORT ?? 3100), '127.0.0.1');
  process.stdout.write('peer ready\n');
}

void main();
