import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { watchPage, type PageWatch } from '../support/page-watch';
import { makeTempDir } from '../support/temp-dir';
import { TEST_PASSPHRASE } from '../support/test-keyring';
import { makeTestCertificates, type TestCertificates } from '../support/tls-certs';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

const APP_READY_MS = 20_000;
/** Every passphrase check costs scrypt's second or so, more on a loaded machine. */
const POLL = { timeout: 15_000 };
const CONSENT = 'You are accessing a government information system. Usage may be monitored.';

/** The app is open when its side panel is; while locked it is not in the page at all. */
const appShown = (page: Page) => page.getByTestId('tracks-tab');

describe('Given Outpost started in the browser for the first time, with no one at the keyboard to unlock it', () => {
  const dir = makeTempDir();
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    [host, browser] = await Promise.all([startWebHostProcess(['--data-dir', join(dir.path, 'data')], { locked: true }), launchChromium()]);
    page = await browser.newPage();
    watch = watchPage(page);
    await page.goto(host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dir.remove();
  });

  it('When the analyst chooses a passphrase, Then the app opens with the demo, and the passphrase is needed again after Lock', async () => {
    await page.getByTestId('setup-passphrase').fill(TEST_PASSPHRASE);
    await page.getByTestId('setup-confirmation').fill(TEST_PASSPHRASE);
    await page.getByTestId('setup-submit').click();
    await appShown(page).waitFor({ timeout: APP_READY_MS });

    await page.getByTestId('lock').click();
    await page.getByTestId('unlock-passphrase').waitFor();
    expect(await appShown(page).count()).toBe(0);
    await expect.poll(() => page.getByTestId('lock-reason').textContent(), POLL).toMatch(/locked/i);

    await page.getByTestId('unlock-passphrase').fill('not the passphrase');
    await page.getByTestId('unlock-submit').click();
    await expect.poll(() => page.locator('body').textContent(), POLL).toContain('That passphrase is wrong. 2 more wrong tries lock Outpost for 5 minutes.');

    await page.getByTestId('unlock-passphrase').fill(TEST_PASSPHRASE);
    await page.getByTestId('unlock-submit').click();
    await appShown(page).waitFor({ timeout: APP_READY_MS });
    expect(watch.problems).toEqual([]);
  });

  it('When the role is set to viewer in the Security tab, Then the outbox offers no compose form, only the sentence why', async () => {
    await page.getByTestId('security-tab').click();
    await page.getByTestId('role-choice').selectOption('viewer');
    await page.getByTestId('role-passphrase').fill(TEST_PASSPHRASE);
    await page.getByTestId('role-change').click();
    await expect.poll(() => page.getByTestId('security-role').textContent(), POLL).toMatch(/viewer/i);
    await page.getByTestId('outbox-tab').click();
    await expect.poll(() => page.getByTestId('outbox-panel').getByTestId('role-note').first().textContent(), POLL).toBe('Your role, viewer, may not send messages.');
    expect(await page.getByTestId('compose-submit').count()).toBe(0);
  });
});

describe('Given Outpost served to other machines', () => {
  const dir = makeTempDir();
  let certs: TestCertificates;
  let browser: Browser;
  let host: RunningWebHost | undefined;

  beforeAll(async () => {
    [certs, browser] = await Promise.all([makeTestCertificates(), launchChromium()]);
    writeFileSync(join(dir.path, 'server.pem'), certs.server.cert);
    writeFileSync(join(dir.path, 'server-key.pem'), certs.server.key, { mode: 0o600 });
    writeFileSync(join(dir.path, 'outpost.json'), JSON.stringify({ classification: { marking: 'SECRET' }, consent: { text: CONSENT } }));
  });
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await certs?.remove();
    dir.remove();
  });

  it('When it is asked to listen beyond loopback without TLS, Then it refuses to start and says what to give', async () => {
    await expect(startWebHostProcess(['--data-dir', join(dir.path, 'plain'), '--host', '0.0.0.0'])).rejects.toThrow(
      /Outpost serves 0\.0\.0\.0 only over HTTPS, with a passphrase login\. Give --tls-cert and --tls-key/,
    );
  });

  it('When a browser opens its HTTPS address, Then it sees the marking and the consent notice first, then must log in with the passphrase before the app opens', async () => {
    host = await startWebHostProcess([
      '--config',
      join(dir.path, 'outpost.json'),
      '--data-dir',
      join(dir.path, 'remote'),
      '--host',
      '0.0.0.0',
      '--tls-cert',
      join(dir.path, 'server.pem'),
      '--tls-key',
      join(dir.path, 'server-key.pem'),
    ]);
    expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    // The test CA is not in Chromium's store; trusting it here stands in for a site's own CA.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('consent-text').textContent(), POLL).toBe(CONSENT);
    expect(await page.getByTestId('login-passphrase').count()).toBe(0);
    expect(await page.getByTestId('classification-banner-top').textContent()).toBe('SECRET');
    expect(await page.getByTestId('classification-banner-bottom').textContent()).toBe('SECRET');
    await page.getByTestId('consent-acknowledge').click();
    await page.getByTestId('login-passphrase').fill('a wrong guess');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.locator('body').textContent(), POLL).toContain('That passphrase is wrong.');
    await page.getByTestId('login-passphrase').fill(TEST_PASSPHRASE);
    await page.getByTestId('login-submit').click();
    await appShown(page).waitFor({ timeout: APP_READY_MS });
    expect(new URL(page.url()).protocol).toBe('https:');
    await context.close();
  });
});
