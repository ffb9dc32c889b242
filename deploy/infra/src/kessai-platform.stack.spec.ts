import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeKessai } from './main';
import { DEVELOPMENT_ONLY_SERVICES, EGRESS_ALLOWED_HOSTS, KESSAI_SERVICES, upstreamVariable } from './kessai-services';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Container = {
  Name: string;
  ReadonlyRootFilesystem?: boolean;
  User?: string;
  HealthCheck?: { Command: string[] };
  LogConfiguration?: { LogDriver: string };
  Secrets?: { Name: string; ValueFrom: unknown }[];
  Environment?: { Name: string; Value: unknown }[];
  MountPoints?: { ContainerPath: string; ReadOnly: boolean }[];
};

const ROOT = join(__dirname, '../../..');

type Rule = { group: string; CidrIp?: string; CidrIpv6?: string; FromPort?: number; IpProtocol?: string };

describe('the Kessai platform stack', () => {
  let template: Template;
  let resources: Record<string, Resource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
  const containers = () => ofType('AWS::ECS::TaskDefinition').flatMap(([, task]) => task.Properties.ContainerDefinitions as Container[]);
  const env = (container: Container, name: string) => container.Environment?.find((entry) => entry.Name === name)?.Value;

  const outdir = join(ROOT, 'tmp', `cdk-test-${process.pid}`);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  beforeAll(() => {
    const app = synthesizeKessai(outdir);
    template = Template.fromStack(app.node.findChild('KessaiPlatform') as Stack);
    resources = template.toJSON().Resources as Record<string, Resource>;
  }, 180_000);

  it('deploys every service in apps/ except the development-only simulator', () => {
    const apps = readdirSync(join(ROOT, 'apps')).filter((name) => existsSync(join(ROOT, 'apps', name, 'src/main.ts')));
    expect(KESSAI_SERVICES.map((service) => service.name).sort()).toEqual(apps.filter((name) => !DEVELOPMENT_ONLY_SERVICES.includes(name)).sort());
    expect(containers().map((container) => container.Name).sort()).toEqual([...KESSAI_SERVICES.map((service) => service.name), 'egress-proxy'].sort());
  });

  it('spreads the VPC over three availability zones', () => {
    const zones = new Set(ofType('AWS::EC2::Subnet').map(([, subnet]) => subnet.Properties.AvailabilityZone));
    expect(zones.size).toBe(3);
  });

  it('runs every container read-only, as a non-root user, with /tmp its only writable mount', () => {
    for (const container of containers()) {
      expect({ name: container.Name, readOnly: container.ReadonlyRootFilesystem }).toEqual({ name: container.Name, readOnly: true });
      expect(container.User).toBeDefined();
      expect(container.User).not.toMatch(/^(0|root)(:|$)/);
      expect((container.MountPoints ?? []).filter((mount) => !mount.ReadOnly).map((mount) => mount.ContainerPath)).toEqual(['/tmp']);
    }
  });

  it('gives every service a health check, CloudWatch logs and its secrets from Secrets Manager', () => {
    for (const container of containers()) {
      expect(container.HealthCheck?.Command.length).toBeGreaterThan(0);
      expect(container.LogConfiguration?.LogDriver).toBe('awslogs');
    }
    for (const spec of KESSAI_SERVICES) {
      const container = containers().find((candidate) => candidate.Name === spec.name) as Container;
      expect(container.HealthCheck?.Command).toEqual(['CMD', '/nodejs/bin/node', '/app/healthcheck.js', '/health/live']);
      expect(container.Secrets?.map((secret) => secret.Name).sort()).toEqual([...spec.secrets].sort());
      expect(JSON.stringify(container.Secrets)).toContain('Secret');
      // No secret is written into the template in clear.
      for (const name of spec.secrets) expect(env(container, name)).toBeUndefined();
    }
  });

  it('puts the services in subnets without a route to the internet and gives them no public address', () => {
    const isolated = ofType('AWS::EC2::Subnet')
      .filter(([, subnet]) => JSON.stringify(subnet.Properties.Tags).includes('application'))
      .map(([id]) => id);
    expect(isolated).toHaveLength(3);
    const routeTables = ofType('AWS::EC2::SubnetRouteTableAssociation')
      .filter(([, association]) => isolated.includes((association.Properties.SubnetId as { Ref: string }).Ref))
      .map(([, association]) => (association.Properties.RouteTableId as { Ref: string }).Ref);
    const routesOut = ofType('AWS::EC2::Route').filter(([, route]) => routeTables.includes((route.Properties.RouteTableId as { Ref: string }).Ref));
    expect(routesOut).toEqual([]);
    for (const spec of KESSAI_SERVICES) {
      const [, service] = ofType('AWS::ECS::Service').find(([id]) => id.startsWith(spec.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()) + 'Service')) as [string, Resource];
      const network = (service.Properties.NetworkConfiguration as { AwsvpcConfiguration: { AssignPublicIp: string; Subnets: { Ref: string }[] } }).AwsvpcConfiguration;
      expect(network.AssignPublicIp).toBe('DISABLED');
      expect(network.Subnets.map((subnet) => subnet.Ref).sort()).toEqual([...isolated].sort());
    }
  });

  it('admits traffic from the internet only to the load balancer, and to services only from security groups', () => {
    const [albGroup] = ofType('AWS::EC2::SecurityGroup').find(([id]) => id.startsWith('LoadBalancerSecurityGroup')) as [string, Resource];
    const inline = ofType('AWS::EC2::SecurityGroup').flatMap(([id, group]) =>
      ((group.Properties.SecurityGroupIngress as Record<string, unknown>[] | undefined) ?? []).map((rule) => ({ group: id, ...rule }) as Rule),
    );
    const separate = ofType('AWS::EC2::SecurityGroupIngress').map(([, rule]) => ({ group: (rule.Properties.GroupId as { 'Fn::GetAtt': string[] })['Fn::GetAtt']?.[0], ...rule.Properties }) as Rule);
    const fromAnywhere = [...inline, ...separate].filter((rule) => rule.CidrIp === '0.0.0.0/0' || rule.CidrIpv6 === '::/0');
    expect(fromAnywhere.map((rule) => `${rule.group}:${rule.FromPort}`).sort()).toEqual([`${albGroup}:443`, `${albGroup}:80`]);
    expect([...inline, ...separate].filter((rule) => rule.CidrIp && rule.group !== albGroup)).toEqual([]);

    // Only the gateway and the payment screen are targets of the load balancer, by host name.
    const rules = ofType('AWS::ElasticLoadBalancingV2::ListenerRule').map(([, rule]) => JSON.stringify(rule.Properties.Conditions));
    expect(rules.sort()).toEqual([expect.stringContaining('api.kessai.example'), expect.stringContaining('pay.kessai.example')].sort());
    expect(ofType('AWS::ElasticLoadBalancingV2::TargetGroup')).toHaveLength(2);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443' } }] });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS' });
  });

  it('lets the gateway reach each service it forwards to, by its internal name, and no service reach another unasked', () => {
    const gateway = containers().find((container) => container.Name === 'throttle-gateway') as Container;
    const upstreamVariables = readFileSync(join(ROOT, 'apps/throttle-gateway/src/config/throttle-gateway.config.ts'), 'utf8').match(/^\s+([A-Z_]+)_URL = 'http:\/\/127\.0\.0\.1/gm);
    expect(upstreamVariables?.length).toBeGreaterThan(0);
    for (const spec of KESSAI_SERVICES.filter((candidate) => KESSAI_SERVICES[0].upstreams?.includes(candidate.name))) {
      expect(env(gateway, upstreamVariable(spec.name))).toBe(`http://${spec.name}.kessai.internal:8080`);
    }
    const gatewayUrls = (upstreamVariables ?? []).map((line) => `${line.trim().split(' ')[0]}`);
    for (const variable of gatewayUrls) expect(env(gateway, variable)).toMatch(/^http:\/\/[a-z-]+\.kessai\.internal:8080$/);
    const serviceToService = ofType('AWS::EC2::SecurityGroupIngress').filter(([, rule]) => rule.Properties.FromPort === 8080 && !/load balancer/i.test(String(rule.Properties.Description)));
    expect(serviceToService.map(([, rule]) => rule.Properties.Description).sort()).toEqual(
      KESSAI_SERVICES.flatMap((spec) => (spec.upstreams ?? []).map((upstream) => `${spec.name} to ${upstream}`)).sort(),
    );
  });

  it('encrypts Aurora, Redis and Kafka at rest and in transit', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', { StorageEncrypted: true, Engine: 'aurora-postgresql' });
    template.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', { Parameters: { 'rds.force_ssl': '1' } });
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
      TransitEncryptionMode: 'required',
      MultiAZEnabled: true,
    });
    const [, kafka] = ofType('AWS::MSK::Cluster')[0];
    expect(kafka.Properties.EncryptionInfo).toMatchObject({
      EncryptionAtRest: { DataVolumeKMSKeyId: expect.anything() },
      EncryptionInTransit: { ClientBroker: 'TLS', InCluster: true },
    });
    expect(kafka.Properties.NumberOfBrokerNodes).toBe(3);
    for (const spec of KESSAI_SERVICES) expect(env(containers().find((c) => c.Name === spec.name) as Container, 'KAFKA_SSL')).toBe('true');
  });

  it('lets tasks out only through the egress proxy, which allows only the listed host names', () => {
    const proxy = containers().find((container) => container.Name === 'egress-proxy') as Container;
    expect(String(env(proxy, 'ALLOWED_HOSTS')).split(' ')).toEqual(EGRESS_ALLOWED_HOSTS);
    for (const spec of KESSAI_SERVICES) {
      const container = containers().find((candidate) => candidate.Name === spec.name) as Container;
      expect(env(container, 'HTTPS_PROXY')).toBe('http://egress-proxy.kessai.internal:3128');
    }
    // Only the proxy may open connections to the internet, and only to port 443.
    const egressAnywhere = [
      ...ofType('AWS::EC2::SecurityGroup').flatMap(([id, group]) =>
        ((group.Properties.SecurityGroupEgress as Record<string, unknown>[] | undefined) ?? []).map((rule) => ({ group: id, ...rule }) as Rule),
      ),
      ...ofType('AWS::EC2::SecurityGroupEgress').map(([, rule]) => ({ group: 'separate', ...rule.Properties }) as Rule),
    ].filter((rule) => rule.CidrIp === '0.0.0.0/0' && rule.IpProtocol !== 'icmp');
    expect(egressAnywhere.map((rule) => [rule.group.replace(/[0-9A-F]{8}$/, ''), rule.FromPort])).toEqual([['EgressProxySecurityGroup', 443]]);
  });

  it('scales on CPU, on requests per target behind the load balancer, and ahead of the morning SMS peak (Japan time)', () => {
    const policies = ofType('AWS::ApplicationAutoScaling::ScalingPolicy').map(
      ([, policy]) => (policy.Properties.TargetTrackingScalingPolicyConfiguration as { PredefinedMetricSpecification: { PredefinedMetricType: string } }).PredefinedMetricSpecification.PredefinedMetricType,
    );
    expect(policies.filter((type) => type === 'ECSServiceAverageCPUUtilization')).toHaveLength(KESSAI_SERVICES.length);
    expect(policies.filter((type) => type === 'ALBRequestCountPerTarget')).toHaveLength(KESSAI_SERVICES.filter((spec) => spec.publicHost).length);
    const scheduled = ofType('AWS::ApplicationAutoScaling::ScalableTarget').flatMap(
      ([, target]) => (target.Properties.ScheduledActions as { Schedule: string; Timezone: string; ScalableTargetAction: { MinCapacity: number } }[] | undefined) ?? [],
    );
    const peaks = scheduled.filter((action) => action.Schedule === 'cron(30 8 * * ? *)');
    expect(peaks.length).toBe(KESSAI_SERVICES.filter((spec) => spec.morningPeakTasks).length);
    for (const action of scheduled) expect(action.Timezone).toBe('Asia/Tokyo');
  });
});
