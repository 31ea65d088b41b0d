// `npm run demo:produce -- --brokers HOST:PORT --topic T`: publishes the built-in demo
// scenario to a real Kafka topic as CoT XML, one record per unit per tick, keyed by uid.
import { parseArgs } from 'node:util';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { encodeCot } from '../electron/core/cot/encode-cot';
import { createScenario } from '../electron/core/demo/scenario';

const usage = 'Usage: npm run demo:produce -- --brokers HOST:PORT[,HOST:PORT] --topic TOPIC [--units 200] [--rate 1] [--seed 1] [--duration SECONDS]';

function readOptions() {
  const { values } = parseArgs({
    options: {
      brokers: { type: 'string' },
      topic: { type: 'string' },
      units: { type: 'string', default: '200' },
      rate: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      duration: { type: 'string' },
    },
  });
  if (values.brokers === undefined || values.topic === undefined) throw new Error(`--brokers and --topic are required.\n${usage}`);
  const number = (name: string, text: string): number => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not "${text}".\n${usage}`);
    return value;
  };
  return {
    brokers: values.brokers.split(',').map((b) => b.trim()),
    topic: values.topic,
    units: Math.round(number('units', values.units)),
    rateHz: number('rate', values.rate),
    seed: Math.round(number('seed', values.seed)),
    durationSeconds: values.duration === undefined ? null : number('duration', values.duration),
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  const kafka = new Kafka({ clientId: 'outpost-demo-producer', brokers: options.brokers, logLevel: logLevel.ERROR });
  await ensureTopic(kafka, options.topic);
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const scenario = createScenario({ units: options.units, seed: options.seed });
  const startedAt = Date.now();
  let sent = 0;
  let stopping = false;

  const tick = async (): Promise<void> => {
    const messages = scenario.reportsAt(startedAt, Date.now()).map((event) => ({ key: event.uid, value: encodeCot(event) }));
    await producer.send({ topic: options.topic, acks: -1, messages });
    sent += messages.length;
  };
  // Sends run one after another, so a slow link delays ticks instead of piling them up.
  let inFlight: Promise<void> = Promise.resolve();
  const schedule = (): void => {
    inFlight = inFlight.then(tick).catch((error: unknown) => {
      process.stderr.write(`Could not publish: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  };
  const finish = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await inFlight;
    await producer.disconnect();
    process.stdout.write(`Published ${sent} CoT records to ${options.topic}.\n`);
  };

  process.stdout.write(`Publishing ${scenario.units.length} units at ${options.rateHz} Hz to ${options.topic} on ${options.brokers.join(', ')}. Ctrl-C stops.\n`);
  await tick();
  const timer = setInterval(schedule, 1000 / options.rateHz);
  if (options.durationSeconds !== null) setTimeout(() => void finish(), options.durationSeconds * 1000);
  process.once('SIGINT', () => void finish());
  process.once('SIGTERM', () => void finish());
}

/** Creating the topic up front spares the first send a round of "unknown topic" retries. */
async function ensureTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (!existing.includes(topic)) await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
