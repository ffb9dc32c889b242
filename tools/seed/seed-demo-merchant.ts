// Seeds the demo merchant's test API key into the gateway's schema, so `npm start` can print a curl that goes
// through the gateway: `node -r @swc-node/register tools/seed/seed-demo-merchant.ts`. Development only: the
// key is public (it is in this file), so the script refuses NODE_ENV=production and only ever seeds a test key.
import { Client } from 'pg';
import { loadThrottleGatewayConfig } from '../../apps/throttle-gateway/src/config/throttle-gateway.config';
import { describeApiKey } from '@kessai/throttle-domain';
import { quoteIdentifier } from '@kessai/shared-database';

export const DEMO_MERCHANT_ID = 'demo-merchant';
export const DEMO_API_KEY = 'kes_test_DemoMerchantLocalDevelopmentOnlyKey00000000';
// Fixed, so reseeding updates the same row.
const DEMO_KEY_ID = '00000000-0000-7000-8000-0000000de301';

async function main(): Promise<void> {
  const config = loadThrottleGatewayConfig();
  if (config.NODE_ENV === 'production') throw new Error('seed-demo-merchant refuses to run with NODE_ENV=production');
  const key = describeApiKey(DEMO_API_KEY);
  if (!key || key.mode !== 'test') throw new Error('the demo key must be a well-formed test key');
  const schema = quoteIdentifier(config.DATABASE_SCHEMA);
  const client = new Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO ${schema}.api_key (id, merchant_id, mode, key_hash, display_prefix, created_at)
       VALUES ($1, $2, 'test', $3, $4, now())
       ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL, expires_at = NULL`,
      [DEMO_KEY_ID, DEMO_MERCHANT_ID, key.hash, key.displayPrefix],
    );
  } finally {
    await client.end();
  }
  process.stdout.write(`seed: demo merchant "${DEMO_MERCHANT_ID}" has the test API key ${DEMO_API_KEY}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`seed-demo-merchant failed: ${error.message}\n`);
  process.exit(1);
});
