// Operator bootstrap: the first console user of a merchant (usually its admin), who then adds the others in
// the console. The password is read from CONSOLE_USER_PASSWORD, never from the command line (shell history).
//   CONSOLE_USER_PASSWORD=… node -r @swc-node/register tools/console/create-console-user.ts <merchantId> <email> [admin|operator|read-only] [display name]
import { isConsoleRole } from '@kessai/console-domain';
import { createConsoleUser, withConsoleDatabase } from './console-users';

async function main(): Promise<void> {
  const [merchantId, email, role = 'admin', ...name] = process.argv.slice(2);
  const password = process.env['CONSOLE_USER_PASSWORD'] ?? '';
  if (!merchantId || !email || !isConsoleRole(role) || !password) {
    process.stderr.write('usage: CONSOLE_USER_PASSWORD=… create-console-user.ts <merchantId> <email> [admin|operator|read-only] [display name]\n');
    process.exit(2);
  }
  const { created } = await withConsoleDatabase((dataSource) => createConsoleUser(dataSource, { merchantId, email, role, displayName: name.join(' '), password }));
  process.stdout.write(created ? `console user ${email} (${role}) created for ${merchantId}\n` : `${email} has a console account for ${merchantId} already: nothing changed\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`create-console-user failed: ${error.message}\n`);
  process.exit(1);
});
