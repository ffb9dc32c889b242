// Seeds the demo merchant's console admin, so `npm start` can print a sign-in that works. Development only:
// the password is public (it is in this file), so the script refuses NODE_ENV=production.
import { loadMerchantConsoleConfig } from '../../apps/merchant-console/src/config/merchant-console.config';
import { createConsoleUser, withConsoleDatabase } from '../console/console-users';

export const DEMO_CONSOLE_EMAIL = 'admin@demo-merchant.example';
export const DEMO_CONSOLE_PASSWORD = 'demo-console-password';

async function main(): Promise<void> {
  if (loadMerchantConsoleConfig().NODE_ENV === 'production') throw new Error('seed-demo-console-user refuses to run with NODE_ENV=production');
  await withConsoleDatabase((dataSource) =>
    createConsoleUser(dataSource, { merchantId: 'demo-merchant', email: DEMO_CONSOLE_EMAIL, role: 'admin', displayName: 'Demo admin', password: DEMO_CONSOLE_PASSWORD }),
  );
  process.stdout.write(`seed: demo merchant console admin ${DEMO_CONSOLE_EMAIL} / ${DEMO_CONSOLE_PASSWORD}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`seed-demo-console-user failed: ${error.message}\n`);
  process.exit(1);
});
