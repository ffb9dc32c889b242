export { pollUntil } from './lib/poll';
export { TestNamespace, freePort, TEST_DATABASE_URL, TEST_KAFKA_BROKERS, TEST_REDIS_URL } from './lib/test-infrastructure';
export { ServiceProcess, type ServiceExit } from './lib/service-process';
export { OtlpReceiver, type ReceivedSpan } from './lib/otlp-receiver';
export { describeServiceLifecycle, type LifecycleExpectations } from './lib/service-lifecycle.suite';
export { SftpTestServer } from './lib/sftp-test-server';
