import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests the page produced: a clean run has none. */
  problems: string[];
  close(): Promise<void>;
}

/** Debian's Chromium (found by the global setup), headless, with a fresh profile. */
export async function openBrowser(options: { timezoneId?: string; viewport?: { width: number; height: number } } = {}) {
  const browser = await chromium.launch({ executablePath: inject('chromePath'), args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    timezoneId: options.timezoneId,
    locale: 'en-US',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return {
    browser,
    context,
    page,
    problems,
    close: () => browser.close(),
  } satisfies BrowserSession;
}
