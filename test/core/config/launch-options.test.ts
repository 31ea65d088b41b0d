import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLaunchOptions } from '../../../electron/core/config/launch-options';
import { makeTempDir } from '../../support/temp-dir';

describe('Given the launch options', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  it('When nothing is given, Then the demo scenario runs with 200 units', () => {
    expect(readLaunchOptions([])).toEqual({ config: { demo: { units: 200, rateHz: 1, seed: 1 } }, dataDir: null, port: null });
  });

  it('When brokers and topics are given as flags, Then Kafka is configured with them', () => {
    const { config } = readLaunchOptions(['--brokers', 'localhost:9092,10.0.0.5:9093', '--topic', 'cot', '--topic', 'tracks', '--format', 'cot']);
    expect(config.kafka).toEqual({
      brokers: ['localhost:9092', '10.0.0.5:9093'],
      clientId: 'outpost',
      subscriptions: [
        { topic: 'cot', format: 'cot' },
        { topic: 'tracks', format: 'cot' },
      ],
    });
  });

  it('When a config file is given, Then it is read, and flags override its brokers', () => {
    const file = join(dir.path, 'outpost.json');
    writeFileSync(file, JSON.stringify({ kafka: { brokers: ['edge:9092'], groupId: 'team-a', subscriptions: [{ topic: 'cot', format: 'cot' }] } }));
    expect(readLaunchOptions(['--config', file]).config.kafka).toMatchObject({ brokers: ['edge:9092'], groupId: 'team-a' });
    expect(readLaunchOptions(['--config', file, '--brokers', 'cloud:9094']).config.kafka).toMatchObject({
      brokers: ['cloud:9094'],
      groupId: 'team-a',
      subscriptions: [{ topic: 'cot', format: 'cot' }],
    });
  });

  it.each([
    [['--brokers', 'localhost'], /--brokers needs at least one --topic/],
    [['--brokers', 'localhost', '--topic', 'cot'], /a broker address looks like host:port/],
    [['--brokers', 'h:1', '--topic', 'cot', '--format', 'pdf'], /format/],
    [['--port', 'eighty'], /--port must be a whole number/],
    [['--colour', 'red'], /Unknown option '--colour'[\s\S]*Usage: outpost/],
    [['--config', '/nonexistent/outpost.json'], /Cannot read the config file/],
  ])('When the flags are %j, Then a sentence says what is wrong', (argv, message) => {
    expect(() => readLaunchOptions(argv)).toThrow(message);
  });

  it('When the config file is not JSON, Then the error names the file', () => {
    const file = join(dir.path, 'broken.json');
    writeFileSync(file, '{ kafka: ');
    expect(() => readLaunchOptions(['--config', file])).toThrow(`The config file ${file} is not valid JSON`);
  });
});
