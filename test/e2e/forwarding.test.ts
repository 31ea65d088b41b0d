import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeCot } from '../../electron/core/cot/encode-cot';
import { aCotEvent } from '../builders/cot-event-builder';
import { launchChromium } from '../support/chromium';
import { createTopic, startKafka, type RunningKafka } from '../support/kafka';
import { watchPage, type PageWatch } from '../support/page-watch';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const EDGE_TOPIC = 'cot.edge';
const CLOUD_TOPIC = 'cloud.hostiles';
/** Counters go out at most once a second, and the forwarder steps every quarter second. */
const POLL = { timeout: 20_000 };

/** One report from each of three hostile and three friendly units, at `time`. */
function reportsAt(time: number): { key: string; value: string }[] {
  return Array.from({ length: 6 }, (_, unit) => {
    const uid = `${unit < 3 ? 'red' : 'blue'}-${unit}`;
    return {
      key: uid,
      value: encodeCot(aCotEvent({ uid, type: unit < 3 ? 'a-h-G-U-C' : 'a-f-G-U-C', callsign: uid.toUpperCase(), time, start: time, stale: time + 600_000, lat: 39.7 + unit * 0.05, lon: 9.1 })),
    };
  });
}

const numberIn = (text: string | null): number => Number(/([\d,]+)/.exec(text ?? '')?.[1]?.replace(/,/g, '') ?? Number.NaN);

describe('Given Outpost at the edge with a feed on its edge broker and a cloud broker to forward to', () => {
  const dir = makeTempDir();
  let edge: RunningKafka;
  let cloud: RunningKafka;
  let producer: Producer;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    [edge, cloud, browser] = await Promise.all([startKafka(), startKafka(), launchChromium()]);
    await Promise.all([createTopic(edge.brokers, EDGE_TOPIC, 1), createTopic(cloud.brokers, CLOUD_TOPIC, 1)]);
    producer = new Kafka({ clientId: 'e2e-edge-unit', brokers: edge.brokers, logLevel: logLevel.NOTHING }).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: EDGE_TOPIC, acks: -1, messages: reportsAt(Date.now() - 60_000) });
    const config = join(dir.path, 'outpost.json');
    writeFileSync(
      config,
      JSON.stringify({
        profiles: [
          { id: 'edge', name: 'Edge', brokers: edge.brokers, subscriptions: [{ topic: EDGE_TOPIC, format: 'cot' }] },
          { id: 'cloud', name: 'Cloud', brokers: cloud.brokers, subscriptions: [] },
        ],
      }),
    );
    host = await startWebHostProcess(['--config', config, '--data-dir', join(dir.path, 'data')]);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watch = watchPage(page);
    await page.goto(host.url);
    await page.getByTestId('forwarding-tab').click();
    await page.getByTestId('forwarding-panel').waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await producer?.disconnect();
    await browser?.close();
    await host?.stop();
    await Promise.all([edge?.stop(), cloud?.stop()]);
    dir.remove();
  });

  it('When a rule for hostiles is written in the form and dry-run over the last hour, Then it says what it would send, and nothing is queued', async () => {
    await page.getByTestId('forward-new').click();
    await page.getByTestId('forward-name').fill('Hostiles to the cloud');
    await page.getByTestId('forward-source-profile').selectOption('edge');
    await page.getByTestId('forward-source-topic').fill(EDGE_TOPIC);
    await page.getByTestId('forward-destination-profile').selectOption('cloud');
    await page.getByTestId('forward-destination-topic').fill(CLOUD_TOPIC);
    await page.getByTestId('forward-filter').fill('affiliation = "hostile"');
    await page.getByTestId('forward-dry-run-hours').selectOption('1');
    await expect.poll(() => page.getByTestId('connection-state').first().textContent(), POLL).toMatch(/connected/i);
    // The edge records must be cached before the dry run can read them.
    await expect.poll(async () => numberIn(await page.getByTestId('record-count').textContent()), POLL).toBeGreaterThanOrEqual(6);
    await page.getByTestId('forward-dry-run').click();
    await expect.poll(() => page.getByTestId('forward-dry-run-summary').textContent(), POLL).toMatch(/6 records seen, 3 would be sent/);
    expect(await page.getByTestId('forward-dry-run-example').count()).toBe(3);
    expect(await page.getByTestId('forward-rule-row').count()).toBe(0);
  });

  it('When it is saved and the units keep reporting, Then its counters move and what it sends reaches the cloud', async () => {
    await page.getByTestId('forward-save').click();
    const row = page.getByTestId('forward-rule-row');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('forward-seen').textContent()).toMatch(/seen 0 records/);
    for (let round = 0; round < 3; round += 1) await producer.send({ topic: EDGE_TOPIC, acks: -1, messages: reportsAt(Date.now() + round * 1_000) });
    await expect.poll(async () => row.getByTestId('forward-seen').textContent(), POLL).toMatch(/seen 18 records, forwarded 9/);
    // Sent counts what the cloud broker acknowledged, so anything but nothing means the positions reached it.
    await expect.poll(async () => row.getByTestId('forward-sent-summary').textContent(), POLL).toMatch(/^sent (?!0 B)[\d.,]+ \S+ of [\d.,]+ \S+ seen, /);
    await expect.poll(async () => row.getByTestId('forward-queue').textContent(), POLL).toBe('nothing queued');
    expect(watch.problems).toEqual([]);
  });
});
