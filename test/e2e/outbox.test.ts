import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { createTopic, startKafka, type RunningKafka } from '../support/kafka';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';
import { watchPage, type PageWatch } from '../support/page-watch';

const SCREENSHOT_DIR = 'test-results/e2e';
const TOPIC = 'outpost.outbox';
const PROFILE_ID = 'edge';
const EDITED_LABEL = 'Enemy armour, moving north';

describe('Given Outpost in web mode with a connection profile whose broker is down', () => {
  const dir = makeTempDir();
  let kafka: RunningKafka;
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    [kafka, browser] = await Promise.all([startKafka(), launchChromium()]);
    await createTopic(kafka.brokers, TOPIC, 1);
    await kafka.takeDown();
    const config = join(dir.path, 'outpost.json');
    writeFileSync(config, JSON.stringify({ profiles: [{ id: PROFILE_ID, name: 'Edge', brokers: kafka.brokers, subscriptions: [] }] }));
    host = await startWebHostProcess(['--config', config, '--data-dir', join(dir.path, 'data')]);
    page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    watch = watchPage(page);
    await page.goto(`${host.url}&testHooks=1`);
    await page.getByTestId('outbox-tab').click();
    await page.getByTestId('outbox-panel').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await kafka?.stop();
    dir.remove();
  });

  const rows = () => page.getByTestId('outbox-row');
  const states = () => rows().evaluateAll((items) => items.map((item) => item.getAttribute('data-state')));

  it('When a FLASH SALUTE report and a hostile marker given in MGRS are composed, Then both are queued and the status bar counts them', async () => {
    await expect.poll(() => page.getByTestId('compose-profile').inputValue(), { timeout: 10_000 }).toBe(PROFILE_ID);
    await page.getByTestId('compose-topic').fill(TOPIC);
    await page.getByTestId('compose-precedence').selectOption('flash');
    await page.getByTestId('compose-kind').selectOption('salute');
    await page.getByTestId('compose-salute-size').fill('8 personnel, 2 vehicles');
    await page.getByTestId('compose-salute-activity').fill('Digging in at the crossing');
    await page.getByTestId('compose-salute-location').fill('40.1234, 9.2345');
    await page.getByTestId('compose-salute-unit').fill('Unknown, no markings');
    await page.getByTestId('compose-salute-equipment').fill('Small arms, one tracked vehicle');
    await page.getByTestId('compose-submit').click();
    await page.getByTestId('compose-queued').waitFor({ timeout: 10_000 });

    await page.getByTestId('compose-precedence').selectOption('immediate');
    await page.getByTestId('compose-kind').selectOption('marker');
    await page.getByTestId('compose-marker').selectOption('hostile');
    await page.getByTestId('compose-label').fill('Enemy armour');
    await page.getByTestId('compose-location').fill('32TNK 12345 67890');
    await page.getByTestId('compose-submit').click();

    await expect.poll(states, { timeout: 10_000 }).toEqual(['queued', 'queued']);
    await expect.poll(() => page.getByTestId('outbox-queued').textContent(), { timeout: 5_000 }).toBe('2 queued');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/outbox-queued.png` });
  });

  it('When the marker is edited while the broker is down, Then the edit is saved in place and Destinations shows both waiting for the topic', async () => {
    const destination = page.getByTestId('outbox-destinations').getByTestId('destination-row');
    await expect.poll(() => destination.getAttribute('data-topic'), { timeout: 10_000 }).toBe(TOPIC);
    await expect.poll(() => destination.getByTestId('destination-queued').textContent(), { timeout: 10_000 }).toBe('2 queued');

    await rows().filter({ hasText: 'Enemy armour' }).getByTestId('outbox-edit').click();
    await expect.poll(() => page.getByTestId('compose-label').inputValue()).toBe('Enemy armour');
    await page.getByTestId('compose-label').fill(EDITED_LABEL);
    await page.getByTestId('compose-submit').click();

    await expect.poll(() => page.getByTestId('compose-heading').textContent(), { timeout: 10_000 }).toBe('New message');
    await expect.poll(() => rows().first().getByTestId('outbox-summary').textContent(), { timeout: 10_000 }).toContain(`“${EDITED_LABEL}”`);
    await expect.poll(states).toEqual(['queued', 'queued']);
  });

  it('When the broker comes back, Then both are sent, the marker as edited, and nothing is left queued', async () => {
    await kafka.bringUp();
    await expect.poll(states, { timeout: 60_000, interval: 500 }).toEqual(['sent', 'sent']);
    expect(await rows().first().getByTestId('outbox-summary').textContent()).toContain(`“${EDITED_LABEL}”`);
    await expect.poll(() => page.getByTestId('outbox-queued').textContent(), { timeout: 5_000 }).toBe('0 queued');
  });

  it('Then the page made no request to any origin but loopback, and logged no error', () => {
    expect(watch.offLoopback()).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});
