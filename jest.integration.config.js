// Integration suites run against the real PostgreSQL, Redis and Kafka; each makes its own schema and topics.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,deploy}/**/*.integration-spec.ts'],
  testTimeout: 120000,
  maxWorkers: 2,
};
