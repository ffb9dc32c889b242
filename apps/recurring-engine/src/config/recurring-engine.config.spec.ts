import { ConfigurationError } from '@kessai/shared-config';
import { loadRecurringEngineConfig } from './recurring-engine.config';

describe('recurring-engine configuration', () => {
  const fails = (env: Record<string, string>) => {
    try {
      loadRecurringEngineConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected the configuration to be refused');
  };

  it('runs without SFTP intake when no SFTP host is set', () => {
    expect(loadRecurringEngineConfig({}).RECURRING_SFTP_HOST).toBe('');
  });

  it('asks for the key and the host key fingerprint when an SFTP host is set, without echoing the key', () => {
    const message = fails({ RECURRING_SFTP_HOST: 'sftp.example.jp', RECURRING_SFTP_PRIVATE_KEY: 'not-a-key-do-not-print' });
    expect(message).toContain('RECURRING_SFTP_PRIVATE_KEY');
    expect(message).toContain('RECURRING_SFTP_HOST_KEY_SHA256');
    expect(message).not.toContain('not-a-key-do-not-print');
  });

  it('refuses a relative SFTP root and a poll interval below 100 ms', () => {
    const message = fails({
      RECURRING_SFTP_HOST: '127.0.0.1',
      RECURRING_SFTP_PRIVATE_KEY: '-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----',
      RECURRING_SFTP_HOST_KEY_SHA256: `SHA256:${'A'.repeat(43)}`,
      RECURRING_SFTP_ROOT: 'shops',
      RECURRING_SFTP_POLL_INTERVAL_MS: '10',
    });
    expect(message).toContain('RECURRING_SFTP_ROOT');
    expect(message).toContain('RECURRING_SFTP_POLL_INTERVAL_MS');
  });

  it('refuses the development signing secret in production without echoing it', () => {
    const message = fails({ NODE_ENV: 'production' });
    expect(message).toContain('RECURRING_PROCESSOR_SIGNING_SECRET');
    expect(message).not.toContain('kessai-processor-sim-development-secret');
    const withSecret = (() => {
      try {
        loadRecurringEngineConfig({ NODE_ENV: 'production', RECURRING_PROCESSOR_SIGNING_SECRET: 'a-production-signing-secret' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(withSecret).not.toContain('RECURRING_PROCESSOR_SIGNING_SECRET');
  });

  it('gives charge-file uploads an hour to arrive', () => {
    expect(loadRecurringEngineConfig({}).HTTP_REQUEST_TIMEOUT_MS).toBe(3_600_000);
  });
});
