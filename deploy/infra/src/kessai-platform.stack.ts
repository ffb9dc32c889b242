import { Duration, RemovalPolicy, SecretValue, Stack, StackProps, TimeZone } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as msk from 'aws-cdk-lib/aws-msk';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { join } from 'node:path';
import { EGRESS_ALLOWED_HOSTS, KESSAI_SERVICES, SERVICE_PORT, SERVICE_USER, ServiceSpec } from './kessai-services';

export interface KessaiPlatformProps extends StackProps {
  /** The platform's domain: the gateway answers at api.<domain>, the payment screen at pay.<domain>. */
  domain: string;
  /** ACM certificate for *.<domain> in the stack's region. */
  certificateArn: string;
  /** Tag of the images in each service's ECR repository. */
  imageTag: string;
  /** Three availability zones of the region. */
  availabilityZones: string[];
}

const PROXY_PORT = 3128;
const KAFKA_TLS_PORT = 9094;

/**
 * Kessai in one AWS account: a VPC over three availability zones whose application subnets have no route to
 * the internet, one Fargate service per Kessai service (read-only root filesystem, unprivileged user), an
 * internet-facing load balancer for the gateway and the payment screen only, MSK, Aurora PostgreSQL and
 * ElastiCache Redis encrypted at rest and in transit, and an egress proxy that lets tasks reach only the
 * allow-listed host names.
 */
export class KessaiPlatformStack extends Stack {
  readonly services = new Map<string, ecs.FargateService>();

  constructor(scope: Construct, id: string, props: KessaiPlatformProps) {
    super(scope, id, props);
    const key = new kms.Key(this, 'DataKey', { enableKeyRotation: true, description: 'Kessai data at rest' });

    const vpc = new ec2.Vpc(this, 'Vpc', {
      availabilityZones: props.availabilityZones,
      natGateways: props.availabilityZones.length,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        // Only the egress proxy lives here: the one way out.
        { name: 'egress', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        // Services and data stores: no route to the internet at all.
        { name: 'application', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 20 },
      ],
    });
    const applicationSubnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    vpc.addFlowLog('FlowLog');

    // AWS APIs the tasks need (image pulls, secrets, logs) are reached through endpoints, not the internet.
    const endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', { vpc, allowAllOutbound: false, description: 'VPC interface endpoints' });
    vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [applicationSubnets] });
    for (const [name, service] of Object.entries({
      EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
      EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
      Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
    })) {
      vpc.addInterfaceEndpoint(`${name}Endpoint`, { service, subnets: applicationSubnets, securityGroups: [endpointSecurityGroup], open: false });
    }

    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
      defaultCloudMapNamespace: { name: 'kessai.internal', type: servicediscovery.NamespaceType.DNS_PRIVATE, vpc },
    });

    // ---- Data stores -------------------------------------------------------------------------------------
    const databaseSecurityGroup = new ec2.SecurityGroup(this, 'DatabaseSecurityGroup', { vpc, allowAllOutbound: false, description: 'Aurora PostgreSQL' });
    const database = new rds.DatabaseCluster(this, 'Database', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
      writer: rds.ClusterInstance.provisioned('writer', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.R7G, ec2.InstanceSize.XLARGE) }),
      readers: [rds.ClusterInstance.provisioned('reader', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.R7G, ec2.InstanceSize.XLARGE) })],
      vpc,
      vpcSubnets: applicationSubnets,
      securityGroups: [databaseSecurityGroup],
      storageEncrypted: true,
      storageEncryptionKey: key,
      credentials: rds.Credentials.fromGeneratedSecret('kessai', { encryptionKey: key }),
      defaultDatabaseName: 'kessai',
      parameterGroup: new rds.ParameterGroup(this, 'DatabaseParameters', {
        engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
        // Connections without TLS are refused.
        parameters: { 'rds.force_ssl': '1' },
      }),
      backup: { retention: Duration.days(14) },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      iamAuthentication: true,
    });

    const redisSecurityGroup = new ec2.SecurityGroup(this, 'RedisSecurityGroup', { vpc, allowAllOutbound: false, description: 'ElastiCache Redis' });
    const redisAuth = new secretsmanager.Secret(this, 'RedisAuthToken', {
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const redisSubnets = new elasticache.CfnSubnetGroup(this, 'RedisSubnets', {
      description: 'Kessai Redis',
      subnetIds: vpc.selectSubnets(applicationSubnets).subnetIds,
    });
    const redis = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupDescription: 'Kessai flow control, idempotency keys, velocity',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: 'cache.r7g.large',
      numNodeGroups: 1,
      replicasPerNodeGroup: 2,
      multiAzEnabled: true,
      automaticFailoverEnabled: true,
      atRestEncryptionEnabled: true,
      kmsKeyId: key.keyId,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      authToken: SecretValue.secretsManager(redisAuth.secretArn).unsafeUnwrap(),
      cacheSubnetGroupName: redisSubnets.ref,
      securityGroupIds: [redisSecurityGroup.securityGroupId],
      port: 6379,
    });

    const kafkaSecurityGroup = new ec2.SecurityGroup(this, 'KafkaSecurityGroup', { vpc, allowAllOutbound: false, description: 'Amazon MSK' });
    const kafka = new msk.CfnCluster(this, 'Kafka', {
      clusterName: 'kessai',
      kafkaVersion: '3.9.x',
      numberOfBrokerNodes: props.availabilityZones.length,
      brokerNodeGroupInfo: {
        instanceType: 'kafka.m7g.large',
        clientSubnets: vpc.selectSubnets(applicationSubnets).subnetIds,
        securityGroups: [kafkaSecurityGroup.securityGroupId],
        storageInfo: { ebsStorageInfo: { volumeSize: 1000 } },
      },
      encryptionInfo: {
        encryptionAtRest: { dataVolumeKmsKeyId: key.keyArn },
        encryptionInTransit: { clientBroker: 'TLS', inCluster: true },
      },
      // TLS without client certificates; the security group admits only Kessai's tasks.
      clientAuthentication: { unauthenticated: { enabled: true } },
    });
    // CloudFormation does not return an MSK cluster's bootstrap brokers: ask the Kafka API at deploy time.
    const brokers = new cr.AwsCustomResource(this, 'KafkaBootstrapBrokers', {
      onUpdate: {
        service: 'Kafka',
        action: 'GetBootstrapBrokers',
        parameters: { ClusterArn: kafka.attrArn },
        physicalResourceId: cr.PhysicalResourceId.of(kafka.attrArn),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [kafka.attrArn] }),
      installLatestAwsSdk: false,
    });
    const kafkaBrokers = brokers.getResponseField('BootstrapBrokerStringTls');

    // ---- Egress proxy ------------------------------------------------------------------------------------
    const proxySecurityGroup = new ec2.SecurityGroup(this, 'EgressProxySecurityGroup', { vpc, allowAllOutbound: false, description: 'Egress proxy' });
    proxySecurityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to the allow-listed hosts (Squid refuses any other)');
    const proxyTask = new ecs.FargateTaskDefinition(this, 'EgressProxyTask', { cpu: 512, memoryLimitMiB: 1024 });
    proxyTask.addVolume({ name: 'tmp' });
    const proxyContainer = proxyTask.addContainer('egress-proxy', {
      image: ecs.ContainerImage.fromAsset(join(__dirname, '../../egress-proxy')),
      readonlyRootFilesystem: true,
      user: 'proxy',
      environment: { ALLOWED_HOSTS: EGRESS_ALLOWED_HOSTS.join(' ') },
      portMappings: [{ containerPort: PROXY_PORT }],
      healthCheck: { command: ['CMD-SHELL', 'squid -k check -f /etc/squid/squid.conf || exit 1'], interval: Duration.seconds(15), retries: 3 },
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'egress-proxy', logGroup: new logs.LogGroup(this, 'EgressProxyLogs', { retention: logs.RetentionDays.THREE_MONTHS }) }),
    });
    proxyContainer.addMountPoints({ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false });
    const proxy = new ecs.FargateService(this, 'EgressProxy', {
      cluster,
      taskDefinition: proxyTask,
      desiredCount: props.availabilityZones.length,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [proxySecurityGroup],
      assignPublicIp: false,
      cloudMapOptions: { name: 'egress-proxy' },
      circuitBreaker: { rollback: true },
    });
    const proxyUrl = `http://egress-proxy.kessai.internal:${PROXY_PORT}`;

    // ---- Load balancer: the only way in -------------------------------------------------------------------
    const albSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', { vpc, allowAllOutbound: false, description: 'Internet-facing load balancer' });
    albSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from the internet');
    albSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP, redirected to HTTPS');
    const alb = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: true,
      securityGroup: albSecurityGroup,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
    });
    alb.addRedirect({ sourcePort: 80, targetPort: 443 });
    const https = alb.addListener('Https', {
      port: 443,
      certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)],
      sslPolicy: elbv2.SslPolicy.TLS13_RES,
      defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' }),
    });

    // ---- The services --------------------------------------------------------------------------------------
    KESSAI_SERVICES.forEach((spec, index) => {
      const securityGroup = new ec2.SecurityGroup(this, `${pascal(spec.name)}SecurityGroup`, { vpc, allowAllOutbound: false, description: spec.name });
      const service = this.addService(spec, {
        cluster,
        securityGroup,
        applicationSubnets,
        secret: new secretsmanager.Secret(this, `${pascal(spec.name)}Secret`, {
          secretName: `kessai/${spec.name}`,
          description: `${spec.name} settings: ${spec.secrets.join(', ')} (JSON keys); set by operators`,
          encryptionKey: key,
        }),
        environment: {
          NODE_ENV: 'production',
          HOST: '0.0.0.0',
          PORT: String(SERVICE_PORT),
          KAFKA_BROKERS: kafkaBrokers,
          KAFKA_SSL: 'true',
          HTTPS_PROXY: proxyUrl,
          NO_PROXY: '.kessai.internal,169.254.169.254,169.254.170.2',
          ...spec.environment(props.domain),
        },
        imageTag: props.imageTag,
      });
      // Each service reaches the data stores, the proxy and the AWS endpoints; nothing else goes out.
      securityGroup.connections.allowTo(databaseSecurityGroup, ec2.Port.tcp(5432), 'PostgreSQL (TLS)');
      securityGroup.connections.allowTo(redisSecurityGroup, ec2.Port.tcp(6379), 'Redis (TLS)');
      securityGroup.connections.allowTo(kafkaSecurityGroup, ec2.Port.tcp(KAFKA_TLS_PORT), 'Kafka (TLS)');
      securityGroup.connections.allowTo(proxySecurityGroup, ec2.Port.tcp(PROXY_PORT), 'egress proxy');
      securityGroup.connections.allowTo(endpointSecurityGroup, ec2.Port.tcp(443), 'AWS API endpoints');

      if (spec.publicHost) {
        https.addTargets(pascal(spec.name), {
          priority: 10 + index,
          conditions: [elbv2.ListenerCondition.hostHeaders([`${spec.publicHost}.${props.domain}`])],
          port: SERVICE_PORT,
          protocol: elbv2.ApplicationProtocol.HTTP,
          targets: [service],
          healthCheck: { path: '/health/ready', healthyHttpCodes: '200', interval: Duration.seconds(10), healthyThresholdCount: 2 },
          // Graceful shutdown finishes within SHUTDOWN_TIMEOUT_MS (9 s).
          deregistrationDelay: Duration.seconds(15),
        });
        service.connections.allowFrom(albSecurityGroup, ec2.Port.tcp(SERVICE_PORT), 'from the load balancer');
      }
      this.autoscale(service, spec, spec.publicHost ? https : undefined);
      this.services.set(spec.name, service);
    });
    // The gateway forwards the merchant API to billing-requests.
    const gateway = this.services.get('throttle-gateway');
    const billing = this.services.get('billing-requests');
    if (gateway && billing) gateway.connections.allowTo(billing, ec2.Port.tcp(SERVICE_PORT), 'merchant API upstream');
    void proxy;
    void redis;
    void database;
  }

  private addService(
    spec: ServiceSpec,
    options: {
      cluster: ecs.Cluster;
      securityGroup: ec2.SecurityGroup;
      applicationSubnets: ec2.SubnetSelection;
      secret: secretsmanager.Secret;
      environment: Record<string, string>;
      imageTag: string;
    },
  ): ecs.FargateService {
    const id = pascal(spec.name);
    const task = new ecs.FargateTaskDefinition(this, `${id}Task`, {
      cpu: spec.cpu,
      memoryLimitMiB: spec.memoryMiB,
      runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
    });
    // Fargate has no tmpfs: /tmp is a task volume on the task's ephemeral storage, the only writable path.
    task.addVolume({ name: 'tmp' });
    const container = task.addContainer(spec.name, {
      image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(this, `${id}Repository`, `kessai/${spec.name}`), options.imageTag),
      readonlyRootFilesystem: true,
      user: SERVICE_USER,
      environment: options.environment,
      secrets: Object.fromEntries(spec.secrets.map((name) => [name, ecs.Secret.fromSecretsManager(options.secret, name)])),
      portMappings: [{ containerPort: SERVICE_PORT, name: 'http' }],
      healthCheck: {
        command: ['CMD', '/nodejs/bin/node', '/app/healthcheck.js', '/health/live'],
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(60),
      },
      stopTimeout: Duration.seconds(15),
      linuxParameters: new ecs.LinuxParameters(this, `${id}LinuxParameters`, { initProcessEnabled: true }),
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: spec.name,
        logGroup: new logs.LogGroup(this, `${id}Logs`, { logGroupName: `/kessai/${spec.name}`, retention: logs.RetentionDays.ONE_YEAR }),
      }),
    });
    container.addMountPoints({ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false });
    container.linuxParameters?.dropCapabilities(ecs.Capability.ALL);

    return new ecs.FargateService(this, `${id}Service`, {
      cluster: options.cluster,
      taskDefinition: task,
      desiredCount: spec.minTasks,
      vpcSubnets: options.applicationSubnets,
      securityGroups: [options.securityGroup],
      assignPublicIp: false,
      cloudMapOptions: { name: spec.name },
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
    });
  }

  private autoscale(service: ecs.FargateService, spec: ServiceSpec, listener?: elbv2.ApplicationListener): void {
    const scaling = service.autoScaleTaskCount({ minCapacity: spec.minTasks, maxCapacity: spec.maxTasks });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60, scaleOutCooldown: Duration.seconds(60), scaleInCooldown: Duration.minutes(5) });
    const targetGroup = listener?.node.tryFindChild(`${pascal(spec.name)}Group`) as elbv2.ApplicationTargetGroup | undefined;
    if (targetGroup) scaling.scaleOnRequestCount('Requests', { requestsPerTarget: 1000, targetGroup, scaleOutCooldown: Duration.seconds(60) });
    if (spec.morningPeakTasks) {
      scaling.scaleOnSchedule('MorningSmsPeak', {
        schedule: appscaling.Schedule.cron({ hour: '8', minute: '30' }),
        timeZone: TimeZone.ASIA_TOKYO,
        minCapacity: spec.morningPeakTasks,
      });
      scaling.scaleOnSchedule('AfterMorningSmsPeak', {
        schedule: appscaling.Schedule.cron({ hour: '11', minute: '0' }),
        timeZone: TimeZone.ASIA_TOKYO,
        minCapacity: spec.minTasks,
      });
    }
  }
}

function pascal(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase());
}
