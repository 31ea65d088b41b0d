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

  it('When nothing is given, Then no profile is configured and the demo settings are the defaults', () => {
    const { config, dataDir, port } = readLaunchOptions([]);
    expect(config.profiles).toEqual([]);
    expect(config.demo).toEqual({ units: 200, rateHz: 1, seed: 1 });
    expect([dataDir, port]).toEqual([null, null]);
  });

  it('When brokers and topics are given as flags, Then they make the command-line profile', () => {
    const { config } = readLaunchOptions(['--brokers', 'localhost:9092,10.0.0.5:9093', '--topic', 'cot', '--topic', 'tracks', '--format', 'cot']);
    expect(config.profiles).toEqual([
      {
        id: 'command-line',
        name: 'Command line',
        brokers: ['localhost:9092', '10.0.0.5:9093'],
        clientId: 'outpost',
        enabled: true,
        subscriptions: [
          { topic: 'cot', format: 'cot' },
          { topic: 'tracks', format: 'cot' },
        ],
      },
    ]);
  });

  it('When a topic is given without a format, Then records are auto-detected', () => {
    const { config } = readLaunchOptions(['--brokers', 'localhost:9092', '--topic', 'cot']);
    expect(config.profiles[0]?.subscriptions).toEqual([{ topic: 'cot', format: 'auto' }]);
  });

  it('When a config file is given, Then its profiles are read, and flags add the command-line profile', () => {
    const file = join(dir.path, 'outpost.json');
    writeFileSync(
      file,
      JSON.stringify({ profiles: [{ id: 'edge', name: 'Edge', brokers: ['edge:9092'], groupId: 'team-a', subscriptions: [{ pattern: 'cot\\..*', format: 'cot' }] }] }),
    );
    expect(readLaunchOptions(['--config', file]).config.profiles).toMatchObject([{ id: 'edge', brokers: ['edge:9092'], groupId: 'team-a' }]);
    expect(readLaunchOptions(['--config', file, '--brokers', 'cloud:9094', '--topic', 'ais']).config.profiles.map((p) => p.id)).toEqual([
      'edge',
      'command-line',
    ]);
  });

  it('When a config file holds a password, Then it is refused: secrets are entered in the app', () => {
    const file = join(dir.path, 'outpost.json');
    writeFileSync(
      file,
      JSON.stringify({ profiles: [{ id: 'edge', name: 'Edge', brokers: ['edge:9092'], sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } }] }),
    );
    expect(() => readLaunchOptions(['--config', file])).toThrow(/is not valid: .*password/);
  });

  it.each([
    [['--brokers', 'localhost'], /--brokers needs at least one --topic/],
    [['--topic', 'cot'], /--topic needs --brokers/],
    [['--format', 'cot'], /--group-id and --format go with --brokers and --topic/],
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
