import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { makeTempDir } from '../support/temp-dir';
import { startWebHostProcess, type RunningWebHost } from '../support/web-host-process';

declare global {
  interface Window {
    __injectedScriptRan?: boolean;
    __inlineHandlerRan?: boolean;
  }
}

/** What the page saw: whether the injected code ran, and the violation Chromium reported for it, if any. */
interface Outcome {
  readonly ran: boolean;
  readonly violation: { readonly directive: string; readonly blocked: string; readonly disposition: string } | null;
}

const VIOLATION_WAIT_MS = 5_000;

describe('Given the Outpost page served by the web host, under its Content-Security-Policy', () => {
  const dataDir = makeTempDir();
  let host: RunningWebHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [host, browser] = await Promise.all([startWebHostProcess(['--data-dir', dataDir.path]), launchChromium()]);
    page = await browser.newPage();
    await page.goto(host.url);
    // The app's own script rendering proves the policy lets through what it should.
    await page.locator('#root > *').first().waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    dataDir.remove();
  });

  it('When an inline <script> is inserted into the page, Then it does not run and Chromium reports the violation', async () => {
    const outcome: Outcome = await page.evaluate(async (waitMs) => {
      const violation = new Promise<Outcome['violation']>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve({ directive: event.effectiveDirective, blocked: event.blockedURI, disposition: event.disposition }), { once: true });
        setTimeout(() => resolve(null), waitMs);
      });
      const script = document.createElement('script');
      script.textContent = 'window.__injectedScriptRan = true;';
      document.body.append(script);
      const reported = await violation;
      return { ran: window.__injectedScriptRan === true, violation: reported };
    }, VIOLATION_WAIT_MS);
    expect(outcome).toEqual({ ran: false, violation: { directive: 'script-src-elem', blocked: 'inline', disposition: 'enforce' } });
  });

  it('When an element with an inline onclick attribute is clicked, Then the click happens but the handler does not run, and Chromium reports the violation', async () => {
    const outcome: Outcome & { readonly clicked: boolean } = await page.evaluate(async (waitMs) => {
      const violation = new Promise<Outcome['violation']>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve({ directive: event.effectiveDirective, blocked: event.blockedURI, disposition: event.disposition }), { once: true });
        setTimeout(() => resolve(null), waitMs);
      });
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__inlineHandlerRan = true;');
      let clicked = false;
      button.addEventListener('click', () => (clicked = true));
      document.body.append(button);
      button.click();
      const reported = await violation;
      button.remove();
      return { clicked, ran: window.__inlineHandlerRan === true, violation: reported };
    }, VIOLATION_WAIT_MS);
    expect(outcome).toEqual({ clicked: true, ran: false, violation: { directive: 'script-src-attr', blocked: 'inline', disposition: 'enforce' } });
  });
});
