import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'undici';
import { MERCHANT_SERVICES } from './merchant-routes';
import { PROXY_OPTIONS, ProxyOptions } from './proxy.options';

/** One keep-alive connection pool per upstream service (undici). */
@Injectable()
export class UpstreamPools implements OnApplicationShutdown {
  private readonly pools = new Map<string, Pool>();

  constructor(@Inject(PROXY_OPTIONS) options: ProxyOptions) {
    // A routed service without a URL would fail each of its requests at run time: refuse to start instead.
    const missing = MERCHANT_SERVICES.map(({ service }) => service).filter((service) => !options.upstreams[service]);
    if (missing.length > 0) throw new Error(`The route table names services without an upstream URL: ${missing.join(', ')}`);
    for (const [service, url] of Object.entries(options.upstreams)) {
      this.pools.set(service, new Pool(url, { connections: options.upstreamConnections, pipelining: 1, keepAliveTimeout: 30_000 }));
    }
  }

  of(service: string): Pool {
    const pool = this.pools.get(service);
    if (!pool) throw new Error(`No upstream URL configured for ${service}`);
    return pool;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close().catch(() => undefined)));
  }
}
