import { IsInt, Min } from 'class-validator';
import { ConfigurationError, loadConfig, redactConfig } from './load-config';
import { ServiceConfig } from './service.config';
import { ToInteger } from './transforms';

class ExampleConfig extends ServiceConfig {
  PORT = 3999;

  DATABASE_SCHEMA = 'example';

  @ToInteger()
  @IsInt()
  @Min(1)
  REMINDER_DAYS = 3;
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = loadConfig(ExampleConfig, {});
    expect(config.PORT).toBe(3999);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.OUTBOX_RELAY_ENABLED).toBe(true);
  });

  it('converts integers, booleans and lists from their string form', () => {
    const config = loadConfig(ExampleConfig, {
      PORT: '4100',
      OUTBOX_RELAY_ENABLED: 'false',
      KAFKA_BROKERS: 'a:9092, b:9093',
    });
    expect(config).toMatchObject({ PORT: 4100, OUTBOX_RELAY_ENABLED: false, KAFKA_BROKERS: ['a:9092', 'b:9093'] });
  });

  it('names every wrong variable and what it got', () => {
    const attempt = () =>
      loadConfig(ExampleConfig, { PORT: 'eighty', REMINDER_DAYS: '0', LOG_LEVEL: 'loud', DATABASE_SCHEMA: 'Bad-Name' });
    expect(attempt).toThrow(ConfigurationError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT: ');
      expect(message).toContain('(got "eighty")');
      expect(message).toContain('REMINDER_DAYS: ');
      expect(message).toContain('LOG_LEVEL: ');
      expect(message).toContain('DATABASE_SCHEMA: must be a lowercase SQL identifier (got "Bad-Name")');
      expect(message).not.toContain('KAFKA_BROKERS');
    }
  });

  it('never echoes a secret value in an error or in the redacted form', () => {
    const secretUrl = 'mysql://user:hunter2@db';
    expect(() => loadConfig(ExampleConfig, { DATABASE_URL: secretUrl })).toThrow(/DATABASE_URL: .*got a secret value/);
    expect(() => loadConfig(ExampleConfig, { DATABASE_URL: secretUrl })).not.toThrow(/hunter2/);
    const redacted = redactConfig(loadConfig(ExampleConfig, {}));
    expect(redacted.DATABASE_URL).toBe('[secret]');
    expect(redacted.PORT).toBe(3999);
  });

  it('reads the production network settings: Kafka over TLS and the egress proxy', () => {
    const config = loadConfig(ExampleConfig, { KAFKA_SSL: 'true', HTTPS_PROXY: 'http://egress-proxy.kessai.internal:3128', NO_PROXY: '.kessai.internal' });
    expect(config).toMatchObject({ KAFKA_SSL: true, HTTPS_PROXY: 'http://egress-proxy.kessai.internal:3128', NO_PROXY: '.kessai.internal' });
    expect(loadConfig(ExampleConfig, {})).toMatchObject({ KAFKA_SSL: false, HTTPS_PROXY: '' });
    expect(() => loadConfig(ExampleConfig, { HTTPS_PROXY: 'egress-proxy:3128' })).toThrow(/HTTPS_PROXY: must be empty or an http\(s\) URL/);
  });

  it('allows failpoints only in tests', () => {
    expect(() => loadConfig(ExampleConfig, { FAILPOINTS: 'outbox.before-publish' })).toThrow(
      /FAILPOINTS: may be set only when NODE_ENV=test/,
    );
    expect(() => loadConfig(ExampleConfig, { NODE_ENV: 'test', FAILPOINTS: 'outbox.nowhere' })).toThrow(/FAILPOINTS: /);
    expect(loadConfig(ExampleConfig, { NODE_ENV: 'test', FAILPOINTS: 'outbox.before-publish' }).FAILPOINTS).toEqual([
      'outbox.before-publish',
    ]);
  });
});
