import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCot } from '../../../electron/core/ingest/decoders/cot';
import { startKafka, type RunningKafka } from '../../support/kafka';

const TOPIC = 'demo-cot';
const SEPARATOR = '\u001f';

describe('Given `npm run demo:produce` pointed at a real broker', () => {
  let kafka: RunningKafka;
  let output: string;

  beforeAll(async () => {
    kafka = await startKafka();
    output = execFileSync('npx', ['tsx', 'scripts/demo-produce.ts', '--brokers', kafka.bootstrap, '--topic', TOPIC, '--duration', '2.5'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
  });
  afterAll(async () => {
    await kafka?.stop();
  });

  it('When it runs for a few seconds, Then the topic holds the scenario as CoT XML keyed by uid', () => {
    expect(output).toMatch(/Published \d+ CoT records to demo-cot\./);
    const consumed = execFileSync('kcat', ['-C', '-b', kafka.bootstrap, '-t', TOPIC, '-o', 'beginning', '-e', '-q', '-f', `%k${SEPARATOR}%s\n`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\n')
      .filter((line) => line !== '');
    const published = Number(/Published (\d+)/.exec(output)?.[1]);
    expect(consumed).toHaveLength(published);
    expect(consumed.length).toBeGreaterThanOrEqual(3 * 200);

    const uids = new Set<string>();
    for (const line of consumed) {
      const [key = '', value = ''] = line.split(SEPARATOR);
      const decoded = decodeCot(new TextEncoder().encode(value));
      expect(decoded.ok, value).toBe(true);
      if (decoded.ok) {
        expect(decoded.entities[0]?.uid).toBe(key);
        uids.add(key);
      }
    }
    expect(uids.size).toBe(200);
  });
});
