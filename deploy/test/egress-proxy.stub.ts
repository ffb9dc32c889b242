import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** The host the service asked for (Host header or CONNECT target). */
  host: string;
  path: string;
}

/**
 * Stands in for the egress proxy: records every request a service sends through HTTPS_PROXY (absolute-form or
 * tunnelled with CONNECT) and answers it as the SMS provider would (201, a message sid). The hosts asked for do
 * not resolve, so a request that arrives here can only have come through the proxy.
 */
export class EgressProxyStub {
  readonly requests: ProxiedRequest[] = [];
  private readonly server: Server = createServer((req, res) => this.answer(req, res));

  async start(port: number): Promise<this> {
    this.server.on('connect', (req: IncomingMessage, socket: Socket) => {
      this.requests.push({ method: 'CONNECT', host: req.url ?? '', path: '' });
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      // The tunnelled plain-HTTP request is served by this same server.
      this.server.emit('connection', socket);
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const target = new URL(req.url ?? '/', `http://${req.headers.host}`);
    this.requests.push({ method: req.method ?? '', host: target.host, path: target.pathname });
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: `SM${'0'.repeat(32)}`, status: 'queued' }));
    });
  }
}
