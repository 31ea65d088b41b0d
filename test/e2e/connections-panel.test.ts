import { mkdirSync } from 'node:fs';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeCot } from '../../electron/core/cot/encode-cot';
import type { OutpostTestHooks } from '../../renderer/test-hooks';
import { aCotEvent } from '../builders/cot-event-builder';
import { launchChromium } from '../support/chromium';
import { createTopic, startKafka, type RunningKafka } from '../support/kafka';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { watchPage, type PageWatch } from '../support/page-watch';

declare global {
  interface Window {
    __outpostTest?: OutpostTestHooks;
  }
}

const SCREENSHOT_DIR = 'test-results/e2e';
const TOPIC = 'cot-field';
const PROFILE_ID = 'edge';
const UNITS = 12;
const UIDS = Array.from({ length: UNITS }, (_, i) => `field-unit-${i}`);

/** Positions inside the demo's view, so the new units are drawn where the map is already looking. */
async function produceCot(brokers: string[]): Promise<void> {
  const now = Date.now();
  const events = UIDS.map((uid, i) =>
    encodeCot(
      aCotEvent({
        uid,
        type: 'a-h-G-U-C',
        callsign: `FIELD ${i}`,
        time: now,
        start: now,
        stale: now + 3_600_000,
        lat: 39.6 + (i % 4) * 0.15,
        lon: 8.9 + Math.floor(i / 4) * 0.2,
      }),
    ),
  );
  const producer = new Kafka({ clientId: 'e2e-producer', brokers, logLevel: logLevel.NOTHING }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    // Keyed by uid, as units publish; one record that is not CoT shows up in the quarantine.
    const messages = [...events.map((value, i) => ({ key: UIDS[i] ?? null, value })), { key: 'garbled', value: '<event uid="cut-short"' }];
    await producer.send({ topic: TOPIC, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

describe('Given Outpost in web mode and a real Kafka broker holding CoT records', () => {
  const dataDir = makeTempDir();
  let kafka: RunningKafka;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    [kafka, host, browser] = await Promise.all([startKafka(), startWebHostProcess(['--data-dir', dataDir.path]), launchChromium()]);
    await createTopic(kafka.brokers, TOPIC, 2);
    await produceCot(kafka.brokers);
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    watch = watchPage(page);
    await page.goto(`${host.url}&testHooks=1`);
    // Readiness only, not a speed check (demo-map.test.ts does that): the broker's JVM may still be warming up beside it.
    await page.waitForFunction(() => (window.__outpostTest?.renderedTrackCount() ?? 0) > 0, null, { timeout: 30_000, polling: 250 });
  });

  afterEach((context) => {
    // The host's log is what tells a slow consumer from a stuck one.
    if (context.task.result?.state === 'fail') process.stderr.write(`web host log:\n${host.stderr().slice(-4_000)}\n`);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await kafka?.stop();
    dataDir.remove();
  });

  it('When the Connections tab is chosen from the keyboard, Then it shows that the demo is playing and offers to add a profile', async () => {
    await page.getByTestId('tracks-tab').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('connections-tab').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('demo-note').isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await page.getByTestId('add-profile').isVisible()).toBe(true);
  });

  it('When a profile is saved with a malformed id, Then the id field says in words what an id may be', async () => {
    await page.getByTestId('add-profile').click();
    await page.getByTestId('profile-id').fill('Edge Broker');
    await page.getByTestId('profile-name').fill('Edge broker');
    await page.getByTestId('profile-brokers').fill(kafka.bootstrap);
    await page.getByTestId('save-profile').click();
    expect(await page.getByTestId('profile-id-error').textContent()).toBe('A profile id is 1–40 lowercase letters, digits or dashes.');
  });

  it('When the id is corrected and the profile saved, Then the profile is listed and the demo stops', async () => {
    await page.getByTestId('profile-id').fill(PROFILE_ID);
    await page.getByTestId('save-profile').click();
    await page.getByTestId(`profile-row-${PROFILE_ID}`).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('profile-form').count()).toBe(0);
    await expect.poll(() => page.getByTestId('demo-note').count(), { timeout: 5_000 }).toBe(0);
  });

  it('Then the demo’s tracks leave the map, so they never mix with the real picture', async () => {
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.storedTrackCount() ?? -1), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedTrackCount() ?? -1), { timeout: 10_000 }).toBe(0);
  });

  it('When the profile is tested, Then the success sentence and the broker’s topic are shown', async () => {
    await page.getByTestId(`test-profile-${PROFILE_ID}`).click();
    const result = page.getByTestId(`test-result-${PROFILE_ID}`);
    await result.waitFor({ timeout: 20_000 });
    expect(await result.textContent()).toContain(`Connected to ${kafka.bootstrap}; 1 topic is visible.`);
    expect(await result.getAttribute('class')).toContain('test-ok');
    expect(await page.getByTestId(`test-topic-${PROFILE_ID}-${TOPIC}`).isVisible()).toBe(true);
  });

  it('When the topic is picked and subscribed as CoT, Then the profile connects, every record is received and the tracks are drawn', async () => {
    await page.getByTestId(`test-topic-${PROFILE_ID}-${TOPIC}`).click();
    const form = page.getByTestId(`subscription-form-${PROFILE_ID}`);
    expect(await form.getByTestId('subscription-topic').inputValue()).toBe(TOPIC);
    await form.getByTestId('subscription-format').selectOption('cot');
    await form.getByTestId('save-subscription').click();

    const row = page.getByTestId(`profile-row-${PROFILE_ID}`).locator('[data-testid^="subscription-row-"]');
    await row.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId(`profile-state-${PROFILE_ID}`).textContent(), { timeout: 20_000 }).toBe('connected');
    // Generous: on CI the consumer group's first join shares two cores with other brokers and browsers,
    // and the profile's supervisor replaces a consumer that has not fetched for 30 s.
    await expect.poll(() => row.locator('[data-testid^="subscription-received-"]').textContent(), { timeout: 60_000 }).toBe(`${UNITS} received`);
    expect(await row.locator('[data-testid^="subscription-quarantined-"]').textContent()).toBe('1 quarantined');
    const lag = page.getByTestId(`profile-lag-${PROFILE_ID}`);
    await expect.poll(() => lag.textContent(), { timeout: 10_000 }).toContain(`${TOPIC}up to date`);

    await page.waitForFunction((uids) => uids.every((uid) => window.__outpostTest?.trackPosition(uid) !== null), UIDS, { timeout: 10_000, polling: 250 });
    await expect.poll(() => page.evaluate(() => window.__outpostTest?.renderedTrackCount() ?? 0), { timeout: 5_000 }).toBe(UNITS);
  }, 120_000);

  it('When the quarantine is opened, Then the record that was not CoT is listed with its topic and reason', async () => {
    await page.getByTestId('quarantine-section').locator('summary').click();
    const entry = page.getByTestId('quarantine-row').first();
    await entry.waitFor({ timeout: 5_000 });
    expect(await entry.textContent()).toContain(`${TOPIC}/`);
  });

  it('Then a screenshot of the Connections panel is saved', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/connections-panel.png` });
  });

  it('Then the page made no request to any origin but loopback, and logged no error', () => {
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
