import pino from 'pino';
import { Writable } from 'node:stream';
import { loggerOptions } from './logger-options';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const options = loggerOptions('spec-service', 'info').pinoHttp as pino.LoggerOptions;
  return { logger: pino(options, stream), lines };
}

describe('loggerOptions', () => {
  it('never writes a card number, security code or secret header into a log line', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        body: { cardNumber: '4111111111111111', securityCode: '123', pan: '5555555555554444' },
        req: { headers: { authorization: 'Bearer sk_live_abc', 'x-api-key': 'kes_live_123' } },
      },
      'a mistaken client posted card data',
    );
    const written = lines.join('\n');
    expect(written).not.toContain('4111111111111111');
    expect(written).not.toContain('5555555555554444');
    expect(written).not.toContain('"123"');
    expect(written).not.toContain('sk_live_abc');
    expect(written).not.toContain('kes_live_123');
    expect(written).toContain('[redacted]');
  });

  it('writes one JSON object per line with the service name and a textual level', () => {
    const { logger, lines } = capture();
    logger.warn('something to look at');
    expect(JSON.parse(lines[0])).toMatchObject({ service: 'spec-service', level: 'warn', message: 'something to look at' });
  });
});
