/** What the infrastructure needs to know about each Kessai service deployed to production. */
export interface ServiceSpec {
  name: string;
  /** Served by the internet-facing load balancer under this host name (first label of the domain). */
  publicHost?: string;
  cpu: number;
  memoryMiB: number;
  minTasks: number;
  maxTasks: number;
  /** Tasks held from 08:30 to 11:00 Japan time, when SMS start going out at 09:00 and customers open their links. */
  morningPeakTasks?: number;
  /** Variables read from the service's Secrets Manager secret (JSON keys of the same name). */
  secrets: string[];
  /** Services it calls over HTTP (`<SERVICE>_URL` = http://<service>.kessai.internal:8080; a security group rule each). */
  upstreams?: string[];
  /** Plain settings besides the common ones, for the platform's domain (e.g. kessai.jp). */
  environment: (domain: string) => Record<string, string>;
}

/** Runs in development and tests only: production talks to the real processor through the egress proxy. */
export const DEVELOPMENT_ONLY_SERVICES = ['processor-sim'];

const COMMON_SECRETS = ['DATABASE_URL', 'REDIS_URL'];

/** Processor, SMS provider and merchants' webhook endpoints are outside; see EGRESS_ALLOWED_HOSTS. */
export const PROCESSOR_API_URL = 'https://api.processor.example';

export const KESSAI_SERVICES: ServiceSpec[] = [
  {
    name: 'throttle-gateway',
    publicHost: 'api',
    cpu: 1024,
    memoryMiB: 2048,
    minTasks: 3,
    maxTasks: 30,
    morningPeakTasks: 6,
    secrets: [...COMMON_SECRETS, 'ADMIN_TOKEN'],
    upstreams: ['billing-requests', 'payment-screen', 'recurring-engine', 'credit-screening', 'merchant-console'],
    environment: () => ({ FLOW_REDIS_FAILURE_MODE: 'open' }),
  },
  {
    name: 'billing-requests',
    cpu: 1024,
    memoryMiB: 2048,
    minTasks: 3,
    maxTasks: 20,
    morningPeakTasks: 6,
    secrets: [...COMMON_SECRETS, 'TWILIO_AUTH_TOKEN', 'TWILIO_ACCOUNT_SID'],
    environment: (domain) => ({ SMS_PROVIDER: 'twilio', TWILIO_FROM: 'Kessai', PAYMENT_SCREEN_PUBLIC_URL: `https://pay.${domain}` }),
  },
  {
    name: 'payment-screen',
    publicHost: 'pay',
    cpu: 1024,
    memoryMiB: 2048,
    minTasks: 3,
    maxTasks: 40,
    morningPeakTasks: 10,
    secrets: [...COMMON_SECRETS, 'PAYMENT_CSRF_SECRET', 'PAYMENT_OPERATOR_TOKEN', 'PROCESSOR_SIGNING_SECRET'],
    // Card payments are screened first when the merchant has screening on.
    upstreams: ['credit-screening'],
    environment: (domain) => ({ PAYMENT_PUBLIC_URL: `https://pay.${domain}`, PAYMENT_PROCESSOR_URL: PROCESSOR_API_URL, SCREENING_URL: 'http://credit-screening.kessai.internal:8080' }),
  },
  {
    name: 'recurring-engine',
    cpu: 2048,
    memoryMiB: 4096,
    minTasks: 3,
    maxTasks: 30,
    // Signs the capture and card-refresh files; the processor holds the same secret.
    secrets: [...COMMON_SECRETS, 'RECURRING_PROCESSOR_SIGNING_SECRET'],
    upstreams: ['credit-screening'],
    environment: () => ({ RECURRING_PROCESSOR_URL: PROCESSOR_API_URL, SCREENING_URL: 'http://credit-screening.kessai.internal:8080' }),
  },
  {
    name: 'credit-screening',
    cpu: 2048,
    memoryMiB: 4096,
    minTasks: 3,
    maxTasks: 20,
    morningPeakTasks: 6,
    secrets: [...COMMON_SECRETS, 'SCREENING_OPERATOR_TOKEN'],
    environment: () => ({}),
  },
  {
    // Reached by merchants through the gateway's /console pass-through, never from the load balancer directly.
    name: 'merchant-console',
    cpu: 512,
    memoryMiB: 1024,
    minTasks: 2,
    maxTasks: 6,
    secrets: [...COMMON_SECRETS, 'CONSOLE_CSRF_SECRET', 'GATEWAY_ADMIN_TOKEN'],
    // The gateway's admin API for the merchant's API keys and limits (GATEWAY_ADMIN_URL).
    upstreams: ['billing-requests', 'recurring-engine', 'credit-screening', 'throttle-gateway'],
    environment: (domain) => ({
      CONSOLE_PUBLIC_URL: `https://api.${domain}`,
      CONSOLE_SECURE_COOKIES: 'true',
      GATEWAY_ADMIN_URL: 'http://throttle-gateway.kessai.internal:8080',
    }),
  },
];

/**
 * The only host names tasks may reach outside the VPC (through the egress proxy). A leading dot allows the
 * subdomains. Merchants' webhook endpoints are added per merchant by operators (see the README).
 */
export const EGRESS_ALLOWED_HOSTS = ['api.twilio.com', 'api.processor.example', '.webhooks.kessai-merchants.example'];

/** The variable naming a service's URL: billing-requests → BILLING_REQUESTS_URL. */
export const upstreamVariable = (service: string) => `${service.toUpperCase().replace(/-/g, '_')}_URL`;

/** The container port every Kessai image listens on. */
export const SERVICE_PORT = 8080;
/** The unprivileged user of the images (distroless `nonroot`). */
export const SERVICE_USER = '65532:65532';
