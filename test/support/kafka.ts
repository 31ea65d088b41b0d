import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import type { NetworkLink } from './network-link';
import { findFreePort } from './ports';

/** A single-node Kafka broker owned by the calling test process. */
export interface RunningKafka {
  /** Bootstrap addresses in the form kafkajs expects. */
  brokers: string[];
  /** The same addresses joined with commas, as kcat and Java clients expect. */
  bootstrap: string;
  /** Addresses of the SASL_SSL listener asked for with options.secured; empty without it. */
  securedBrokers: string[];
  /** Temp folder with server.properties, the broker logs (server.log, console.log) and the partition data. */
  logDir: string;
  /** Stops the broker and removes logDir. */
  stop(): Promise<void>;
  /** Stops the broker process but keeps its data and port, as when a link or a host goes down. */
  takeDown(): Promise<void>;
  /** Starts the broker again on the same port with the same data, and waits until it answers. */
  bringUp(): Promise<void>;
}

export interface StartKafkaOptions {
  /** Client port; a free one is picked when omitted. */
  port?: number;
  /** Runs the broker inside the link's namespace, listening on its far end, so a test can cut the network under its clients. */
  link?: NetworkLink;
  /** Adds a SASL_SSL listener next to the PLAINTEXT one, which stays for admin work and the readiness probe. */
  secured?: SecuredListenerOptions;
}

/** A SASL_SSL listener that accepts only SCRAM-SHA-512 logins, over TLS from PEM files. */
export interface SecuredListenerOptions {
  /** The broker's certificate followed by the CAs that signed it, PEM. */
  serverCertChain: string;
  /** The broker's unencrypted PKCS#8 private key, PEM. */
  serverKey: string;
  /** The CAs whose client certificates the broker accepts, PEM. */
  clientCa: string;
  /** Mutual TLS: refuse a client that presents no certificate signed by clientCa. */
  requireClientCertificate: boolean;
  /** SCRAM-SHA-512 users by name, with their passwords; letters, digits, "-" and "_" only. */
  scramSha512Users: Readonly<Record<string, string>>;
}

interface SecuredListener extends SecuredListenerOptions {
  port: number;
  keystorePath: string;
  truststorePath: string;
}

const POM_PATH = fileURLToPath(new URL('../../.ci/kafka/pom.xml', import.meta.url));
const READY_DEADLINE_MS = 60_000;
const READY_POLL_INTERVAL_MS = 200;
const STOP_GRACE_MS = 15_000;
const LOG_TAIL_LINES = 40;
const SERVER_LOG = 'server.log';
const CONSOLE_LOG = 'console.log';

// Sized for a 2-core CI machine: a single GC thread, and C1 only because it starts the JVM faster.
const JVM_OPTIONS = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

/**
 * Starts a fresh single-node KRaft broker (broker and controller in one process) on 127.0.0.1, or on
 * the far end of options.link. The controller stays on the loopback of whichever namespace it runs in.
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<RunningKafka> {
  const libsDir = locateKafkaLibs();
  const namespace = options.link?.namespace;
  const host = options.link?.peerAddress ?? '127.0.0.1';
  const port = options.port ?? (await findFreePort());
  const controllerPort = await findFreePort();
  const brokers = [`${host}:${port}`];

  const logDir = await mkdtemp(join(tmpdir(), 'outpost-kafka-'));
  const dataDir = join(logDir, 'data');
  await mkdir(dataDir);
  const secured = options.secured === undefined ? null : await writeSecuredListenerFiles(options.secured, logDir);
  const securedBrokers = secured === null ? [] : [`${host}:${secured.port}`];
  const serverProperties = join(logDir, 'server.properties');
  const log4jProperties = join(logDir, 'log4j2.properties');
  await writeFile(serverProperties, renderServerProperties(host, port, controllerPort, dataDir, secured));
  await writeFile(log4jProperties, renderLog4jProperties(join(logDir, SERVER_LOG)));

  const javaArguments = [
    ...JVM_OPTIONS,
    `-Dlog4j2.configurationFile=${log4jProperties}`,
    `-Dkafka.logs.dir=${logDir}`,
    '-cp',
    join(libsDir, '*'),
  ];

  let broker: ChildProcess | undefined;
  let orphanGuard: ChildProcess | undefined;
  const killBroker = async (): Promise<void> => {
    if (broker !== undefined) await stopProcess(broker);
    orphanGuard?.kill();
    broker = undefined;
    orphanGuard = undefined;
  };
  const stop = async (): Promise<void> => {
    await killBroker();
    await rm(logDir, { recursive: true, force: true });
  };
  const launchBroker = async (): Promise<void> => {
    const consoleLog = await open(join(logDir, CONSOLE_LOG), 'a');
    try {
      const stdio: StdioOptions = ['ignore', consoleLog.fd, consoleLog.fd];
      broker = await spawnJava([...javaArguments, 'kafka.Kafka', serverProperties], stdio, namespace);
      orphanGuard = startOrphanGuard(broker, logDir);
    } finally {
      await consoleLog.close();
    }
    await waitUntilReady(brokers, broker, logDir);
  };

  try {
    const consoleLog = await open(join(logDir, CONSOLE_LOG), 'a');
    try {
      const scramUsers = secured?.scramSha512Users ?? {};
      await formatStorage(javaArguments, serverProperties, scramUsers, ['ignore', consoleLog.fd, consoleLog.fd], logDir, namespace);
    } finally {
      await consoleLog.close();
    }
    await launchBroker();
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    brokers,
    bootstrap: brokers.join(','),
    securedBrokers,
    logDir,
    stop,
    takeDown: killBroker,
    async bringUp() {
      if (broker !== undefined) throw new Error('The broker is already running.');
      await launchBroker();
    },
  };
}

/** Creates a topic with one replica per partition and waits until every partition has a leader. */
export async function createTopic(brokers: string[], topic: string, partitions: number): Promise<void> {
  const admin = new Kafka({ clientId: 'outpost-test-support', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    if (!created) {
      throw new Error(`Topic "${topic}" already exists on ${brokers.join(',')}.`);
    }
  } finally {
    await admin.disconnect();
  }
}

function readKafkaVersion(): string {
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM_PATH, 'utf8'))?.[1]?.trim();
  if (version === undefined || version === '') {
    throw new Error(`Could not read <kafka.version> from ${POM_PATH}.`);
  }
  return version;
}

/** Mirrors .ci/fetch-kafka: OUTPOST_KAFKA_HOME, else the per-version folder in the user cache. */
function locateKafkaLibs(): string {
  const version = readKafkaVersion();
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const kafkaHome = process.env.OUTPOST_KAFKA_HOME || join(cacheHome, 'outpost', `kafka-${version}`);
  const libsDir = join(kafkaHome, 'libs');
  if (!existsSync(join(libsDir, `kafka_2.13-${version}.jar`))) {
    throw new Error(`Kafka jars not found in ${libsDir}. Run .ci/fetch-kafka first.`);
  }
  return libsDir;
}

/** Picks the secured port and writes the PEM keystore (key, then chain) and truststore Kafka reads with ssl.*.type=PEM. */
async function writeSecuredListenerFiles(options: SecuredListenerOptions, logDir: string): Promise<SecuredListener> {
  const keystorePath = join(logDir, 'server-keystore.pem');
  const truststorePath = join(logDir, 'client-ca.pem');
  await writeFile(keystorePath, `${options.serverKey.trimEnd()}\n${options.serverCertChain.trimEnd()}\n`);
  await writeFile(truststorePath, options.clientCa);
  return { ...options, port: await findFreePort(), keystorePath, truststorePath };
}

function renderServerProperties(host: string, port: number, controllerPort: number, dataDir: string, secured: SecuredListener | null): string {
  const securedListener = secured === null ? '' : `,SASL_SSL://${host}:${secured.port}`;
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://${host}:${port}${securedListener},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://${host}:${port}${securedListener},CONTROLLER://127.0.0.1:${controllerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT${secured === null ? '' : ',SASL_SSL:SASL_SSL'}`,
    ...(secured === null ? [] : renderSecuredListenerProperties(secured)),
    `log.dirs=${dataDir}`,
    'num.partitions=1',
    'auto.create.topics.enable=true',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Large enough for the oversized-record tests, which must reach Outpost to be quarantined there.
    'message.max.bytes=8388608',
    'replica.fetch.max.bytes=8388608',
    '',
  ].join('\n');
}

/**
 * Only the SASL_SSL listener is configured, so the PLAINTEXT and controller listeners stay as they
 * were. Without an authorizer every authenticated user may do anything, which is all these tests need.
 */
function renderSecuredListenerProperties(secured: SecuredListener): string[] {
  const prefix = 'listener.name.sasl_ssl.';
  return [
    `${prefix}sasl.enabled.mechanisms=SCRAM-SHA-512`,
    `${prefix}scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;`,
    `${prefix}ssl.keystore.type=PEM`,
    `${prefix}ssl.keystore.location=${secured.keystorePath}`,
    `${prefix}ssl.truststore.type=PEM`,
    `${prefix}ssl.truststore.location=${secured.truststorePath}`,
    `${prefix}ssl.client.auth=${secured.requireClientCertificate ? 'required' : 'none'}`,
  ];
}

function renderLog4jProperties(logFile: string): string {
  return [
    'appender.file.type=File',
    'appender.file.name=file',
    `appender.file.fileName=${logFile}`,
    'appender.file.layout.type=PatternLayout',
    'appender.file.layout.pattern=[%d] %p %m (%c)%n',
    'rootLogger.level=INFO',
    'rootLogger.appenderRef.file.ref=file',
    '',
  ].join('\n');
}

function javaCommand(): string {
  const javaHome = process.env.JAVA_HOME;
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

/**
 * Resolves once the JVM process exists; rejects with a readable sentence when Java cannot be started.
 * In a namespace, `ip netns exec` replaces itself with the JVM, so signals to the child reach the JVM.
 */
async function spawnJava(javaArguments: string[], stdio: StdioOptions, namespace: string | undefined): Promise<ChildProcess> {
  const child =
    namespace === undefined
      ? spawn(javaCommand(), javaArguments, { stdio })
      : spawn('ip', ['netns', 'exec', namespace, javaCommand(), ...javaArguments], { stdio });
  try {
    await once(child, 'spawn');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not run ${javaCommand()}; the Kafka broker needs Java 17 or newer (${reason}).`);
  }
  return child;
}

/**
 * Writes the KRaft bootstrap metadata; --standalone makes this node the only voter of a dynamic quorum.
 * SCRAM users go into that metadata too (--add-scram), so they exist before any listener opens and
 * no admin call over an authenticated listener is needed to create them.
 */
async function formatStorage(
  javaArguments: string[],
  serverProperties: string,
  scramSha512Users: Readonly<Record<string, string>>,
  stdio: StdioOptions,
  logDir: string,
  namespace: string | undefined,
): Promise<void> {
  const clusterId = randomBytes(16).toString('base64url');
  // "=" keeps an id that starts with "-" from being parsed as an option.
  const formatArguments = ['format', `--config=${serverProperties}`, `--cluster-id=${clusterId}`, '--standalone'];
  for (const [name, password] of Object.entries(scramSha512Users)) {
    // The credential syntax has no escaping, so a name or password with separators would be misread.
    if (!/^[\w-]+$/.test(name) || !/^[\w-]+$/.test(password)) {
      throw new Error(`The SCRAM user "${name}" or its password has characters other than letters, digits, "-" and "_".`);
    }
    formatArguments.push(`--add-scram=SCRAM-SHA-512=[name=${name},password=${password}]`);
  }
  const formatter = await spawnJava([...javaArguments, 'kafka.tools.StorageTool', ...formatArguments], stdio, namespace);
  await once(formatter, 'exit');
  if (formatter.exitCode !== 0) {
    throw new Error(`Formatting the Kafka storage failed (${describeExit(formatter)}).\n${await brokerLogTail(logDir)}`);
  }
}

/**
 * Kills the broker and removes logDir once this Node process is gone, however it ended (a test runner
 * may SIGKILL its workers, so an 'exit' handler is not enough): the shell blocks reading a pipe whose
 * only writer is this process, and the read returns when the OS closes that pipe. The pause lets the
 * killed JVM go before its files are removed.
 */
function startOrphanGuard(broker: ChildProcess, logDir: string): ChildProcess {
  const script = 'read -r line; kill -KILL "$1" 2>/dev/null; sleep 1; rm -rf "$2"';
  const guard = spawn('sh', ['-c', script, 'kafka-orphan-guard', String(broker.pid), logDir], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  guard.unref();
  return guard;
}

async function waitUntilReady(brokers: string[], broker: ChildProcess, logDir: string): Promise<void> {
  const probe = new Kafka({
    clientId: 'outpost-kafka-readiness',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 2_000,
    retry: { retries: 0 },
  });
  const deadline = Date.now() + READY_DEADLINE_MS;
  let lastError = 'no attempt finished';
  while (Date.now() < deadline) {
    if (hasExited(broker)) {
      throw new Error(`The Kafka broker stopped (${describeExit(broker)}) before accepting requests.\n${await brokerLogTail(logDir)}`);
    }
    const admin = probe.admin();
    try {
      await admin.connect();
      await admin.listTopics();
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      await admin.disconnect();
    }
    await delay(READY_POLL_INTERVAL_MS);
  }
  throw new Error(
    `The Kafka broker on ${brokers.join(',')} did not accept requests within ${READY_DEADLINE_MS / 1000} s ` +
      `(last error: ${lastError}).\n${await brokerLogTail(logDir)}`,
  );
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (hasExited(child)) {
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const forceKill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(forceKill);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function describeExit(child: ChildProcess): string {
  return child.exitCode !== null ? `exit code ${child.exitCode}` : `signal ${String(child.signalCode)}`;
}

async function brokerLogTail(logDir: string): Promise<string> {
  const sections: string[] = [];
  for (const fileName of [SERVER_LOG, CONSOLE_LOG]) {
    const path = join(logDir, fileName);
    // The JVM may have died before creating the file; that absence is itself the clue.
    const text = existsSync(path) ? await readFile(path, 'utf8') : '';
    const tail = text.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
    sections.push(`--- last ${LOG_TAIL_LINES} lines of ${path} ---\n${tail || '(empty)'}`);
  }
  return sections.join('\n');
}
