// Headless Debian Chromium through playwright-core (never a downloaded browser), with every page's
// console errors and uncaught exceptions collected so a test can assert there were none.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './paths.ts';

export const VIEWPORT = { width: 1366, height: 768 };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface ConsoleLog {
  errors: string[];
}

/** A fresh context (own sessionStorage) whose pages report console errors into `log`. */
export async function newContext(browser: Browser, log: ConsoleLog): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') log.errors.push(`${page.url()} console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => log.errors.push(`${page.url()} pageerror: ${err.message}`));
  };
  context.on('page', watch);
  return context;
}
