import { join } from 'node:path';

/** Where the stack is synthesized: the CDK CLI's CDK_OUTDIR when it runs the app, else deploy/infra/cdk.out. */
export function cdkOutputDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  return environment.CDK_OUTDIR || join(__dirname, '../../cdk.out');
}
