// `npm run cdk:synth`: synthesizes the Kessai stack into deploy/infra/cdk.out, offline (no AWS credentials and
// no look-ups: the region's availability zones and the certificate are given). With the AWS CDK CLI installed,
// `cdk deploy` in deploy/infra uses this same entry point (cdk.json).
import { App } from 'aws-cdk-lib';
import { cdkOutputDirectory } from './config/cdk-output-directory';
import { KessaiPlatformStack } from './kessai-platform.stack';

export function synthesizeKessai(outdir?: string): App {
  const app = new App({ outdir });
  const context = (key: string, fallback: string): string => (app.node.tryGetContext(key) as string | undefined) ?? fallback;
  const region = context('kessai:region', 'ap-northeast-1');
  new KessaiPlatformStack(app, 'KessaiPlatform', {
    env: { region },
    domain: context('kessai:domain', 'kessai.example'),
    certificateArn: context('kessai:certificateArn', `arn:aws:acm:${region}:000000000000:certificate/replace-with-the-certificate-of-the-domain`),
    imageTag: context('kessai:imageTag', 'latest'),
    availabilityZones: context('kessai:availabilityZones', `${region}a,${region}c,${region}d`).split(','),
  });
  return app;
}

if (require.main === module) {
  const assembly = synthesizeKessai(cdkOutputDirectory()).synth();
  console.log(`synthesized ${assembly.stacks.map((stack) => stack.stackName).join(', ')} into ${assembly.directory}`);
}
