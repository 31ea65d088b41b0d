import type { Page } from 'playwright-core';

export interface PageWatch {
  /** Every URL the page requested, WebSockets included. */
  readonly requests: string[];
  /** Page errors and console errors or warnings, as lines. */
  readonly problems: string[];
  /** Requests to anything but loopback (or data:/blob: URLs the page made itself). */
  offLoopback(): string[];
}

const LOOPBACK = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;
const LOCAL_SCHEMES = /^(data|blob):/;

/** Records what a page asks of the network and what it complains about, from before it loads. */
export function watchPage(page: Page): PageWatch {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => requests.push(socket.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  return {
    requests,
    problems,
    offLoopback: () => requests.filter((url) => !LOOPBACK.test(url) && !LOCAL_SCHEMES.test(url)),
  };
}
