#!/usr/bin/env node
// Waits until the local Kafka broker answers real admin calls (cluster and consumer-group coordinator), not
// just an open port.
// Usage: node wait-for-broker.mjs [--brokers 127.0.0.1:9092] [--timeout-ms 90000] [--pid <broker pid>]
// Exit codes: 0 ready, 1 not ready before the deadline (or the broker process died), 3 kafkajs not installed.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const KAFKAJS_NOT_FOUND = 3;

const { values: args } = parseArgs({
  options: {
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    'timeout-ms': { type: 'string', default: '90000' },
    pid: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

// Resolve kafkajs from the repo's node_modules (walking up from this file), then from NODE_PATH.
function loadKafkajs() {
  try {
    return createRequire(import.meta.url)('kafkajs');
  } catch {
    return null;
  }
}

const kafkajs = loadKafkajs();
if (!kafkajs) {
  if (!args.quiet) console.error('kafkajs is not installed (run npm install at the repo root)');
  process.exit(KAFKAJS_NOT_FOUND);
}

const brokers = args.brokers.split(',');
const deadline = Date.now() + Number(args['timeout-ms']);
const brokerPid = args.pid ? Number(args.pid) : undefined;

function brokerProcessAlive() {
  if (brokerPid === undefined) return true;
  try {
    process.kill(brokerPid, 0);
    return true;
  } catch {
    return false;
  }
}

const kafka = new kafkajs.Kafka({
  clientId: 'kessai-wait-for-broker',
  brokers,
  connectionTimeout: 2000,
  requestTimeout: 5000,
  retry: { retries: 0 },
  logLevel: kafkajs.logLevel.NOTHING,
});

let lastError = 'no attempt made';
while (Date.now() < deadline) {
  if (!brokerProcessAlive()) {
    if (!args.quiet) console.error(`broker process ${brokerPid} exited`);
    process.exit(1);
  }
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0 || cluster.controller === null) {
      lastError = 'cluster has no controller yet';
    } else {
      // Ready means ready for consumer groups too: on a new broker the group coordinator first creates and
      // loads __consumer_offsets, and group calls fail with "coordinator is loading" until it has.
      await admin.describeGroups(['kessai-readiness-probe']);
      await admin.listGroups();
      await admin.disconnect();
      process.exit(0);
    }
    await admin.disconnect();
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
    await admin.disconnect().catch(() => {});
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
if (!args.quiet) console.error(`broker at ${brokers.join(',')} not ready: ${lastError}`);
process.exit(1);
