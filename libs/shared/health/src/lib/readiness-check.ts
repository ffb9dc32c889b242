/** One dependency the service needs to do its work: PostgreSQL (and its schema), Kafka, Redis. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<{ up: boolean; detail?: string }>;
  /** False: reported on /health/ready, but the service is ready without it (default true). */
  required?: boolean;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
