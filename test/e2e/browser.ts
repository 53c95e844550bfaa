import path from 'node:path';
import axe from 'axe-core';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type {
  Answer,
  AnswerBody,
  Method,
  RequestBody,
  RoutedUrl,
  SentBody,
} from '../support/api-types';
import { startSmtpServer, type TestSmtpServer } from '../support/alerts';
import { CHROMIUM_ARGS } from './chromium';
import { startAppServer, type AppServer, type StartAppServerOptions } from './server';

/** The owner the browser tests set the workspace up as. */
export const OWNER = {
  name: 'Ava Creator',
  email: 'ava@example.com',
  password: 'correct horse battery staple',
};

/** A teammate the owner invites as a viewer. */
export const VIEWER = {
  name: 'Cy Viewer',
  email: 'cy@example.com',
  password: 'cy has a long password',
};

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests the page produced: a clean run has none. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Collects the page errors and console errors a page produces (a console error `expected`
 * lets pass is left out): a clean run has none.
 */
function watchProblems(page: Page, expected: (text: string) => boolean = () => false): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected(message.text())) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  return problems;
}

/** The `prefers-color-scheme` a browser context emulates. */
export type Theme = 'light' | 'dark';

/** Debian's Chromium (found by the global setup), headless, with a fresh profile (light unless `colorScheme` says dark). */
export async function openBrowser(
  options: {
    timezoneId?: string;
    viewport?: { width: number; height: number };
    colorScheme?: Theme;
  } = {},
) {
  const browser = await chromium.launch({
    executablePath: inject('chromePath'),
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    timezoneId: options.timezoneId,
    locale: 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    problems: watchProblems(page),
    close: () => browser.close(),
  } satisfies BrowserSession;
}

/** Where the README's screenshots go when UPDATE_SCREENSHOTS=1; none otherwise. */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? path.resolve(import.meta.dirname, '../../web/screenshots')
  : undefined;

/** Where the README's screenshot `name` goes when UPDATE_SCREENSHOTS=1; none otherwise. */
export const screenshot = (name: string) =>
  SCREENSHOT_DIR ? path.join(SCREENSHOT_DIR, name) : undefined;

/** A day of this month at a local hour in `zone`, as an instant. */
export function thisMonthAt(zone: string, day: number, hour: number): string {
  const date = Temporal.Now.plainDateISO(zone).with({ day });
  return new Date(
    date.toPlainDateTime({ hour }).toZonedDateTime(zone).epochMilliseconds,
  ).toISOString();
}

/** The real server and a browser, shared by a test file's tests. */
export interface BrowserApp {
  server: AppServer;
  session: BrowserSession;
  /** The SMTP server the app sends through (only with the `smtp` option). */
  smtp: TestSmtpServer;
  /** Opens the app in the team's page (the setup page before the workspace exists). */
  open(): Promise<Page>;
}

export interface BrowserAppServerOptions extends Omit<StartAppServerOptions, 'webRoot'> {
  /** Starts a test SMTP server first and names it in SMTP_URL. */
  smtp?: boolean;
}

/**
 * Starts the app server (serving the built web app) and opens a browser before the file's
 * tests, and closes both after them. The fields are set once the tests run.
 */
export function useBrowserApp(
  browser: Parameters<typeof openBrowser>[0] = {},
  { smtp, ...server }: BrowserAppServerOptions = {},
): BrowserApp {
  const app = {
    async open() {
      await app.session.page.goto(app.server.url);
      return app.session.page;
    },
  } as BrowserApp;
  beforeAll(async () => {
    if (smtp) app.smtp = await startSmtpServer();
    app.server = await startAppServer({
      webRoot: inject('webRoot'),
      ...server,
      env: { ...(smtp ? { SMTP_URL: app.smtp.url } : {}), ...server.env },
    });
    app.session = await openBrowser(browser);
  });
  afterAll(async () => {
    await app.session?.close();
    await app.server?.close();
    await app.smtp?.close();
  });
  return app;
}

/** A page someone outside the team opens: who has never signed in. */
export interface SignedOutPage {
  /** Its profile of its own (no cookies). */
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors it produced: a clean run has none. */
  problems: string[];
}

/**
 * A second profile beside the team's browser (no cookies, signed out): 1280 × 800, en-US,
 * unless `options` say otherwise. A console error `expected` lets pass is not a problem.
 */
export async function openSignedOutPage(
  browser: Browser,
  options: BrowserContextOptions = {},
  expected?: (text: string) => boolean,
): Promise<SignedOutPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    ...options,
  });
  const page = await context.newPage();
  return { context, page, problems: watchProblems(page, expected) };
}

/**
 * A brand's phone beside the team's browser: a profile of its own (no cookies),
 * 390 × 844 with touch, in `timezoneId` (New York unless told).
 */
export function openSignedOutPhone(
  browser: Browser,
  { timezoneId = 'America/New_York' }: { timezoneId?: string } = {},
): Promise<SignedOutPage> {
  return openSignedOutPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    timezoneId,
  });
}

/** Polls a read until it matches: for what the page shows after a request or a re-render. */
export const until = <T>(fn: () => Promise<T>, timeout = 15_000) =>
  expect.poll(fn, { timeout, interval: 100 });

/** Runs one API call in the page (its session cookie, as the web app sends it). */
async function fetchInPage(
  page: Page,
  method: string,
  url: string,
  body: unknown,
): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u as string, {
        method: m as string,
        headers: { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, text: await res.text() };
    },
    [method, url, body] as const,
  );
}

/** The JSON of an answer's text, or null where there is none (a 204). */
const parsed = (text: string): unknown => (text ? JSON.parse(text) : null);

/**
 * Calls the API from the page, with its session cookie, as the web app would;
 * answers the JSON body (null for 204) and throws with the status on an error.
 * Typed by the route the URL names: the body it takes and what it answers (see
 * `RoutedUrl`, `SentBody`, `Answer`), so a renamed route or field fails the typecheck.
 */
export async function call<M extends Method, U extends RoutedUrl<M>>(
  page: Page,
  method: M,
  url: U,
  body?: SentBody<M, U>,
): Promise<Answer<M, U>>;
export async function call(
  page: Page,
  method: Method,
  url: string,
  body?: unknown,
): Promise<unknown> {
  const { status, text } = await fetchInPage(page, method, url, body);
  if (status < 200 || status >= 300) throw new Error(`${method} ${url}: ${status} ${text}`);
  return status === 204 ? null : parsed(text);
}

/**
 * Like `call`, but answers the status and the body (the route's on success, the one error
 * shape otherwise) instead of throwing on an error.
 */
export async function send<M extends Method, U extends RoutedUrl<M>>(
  page: Page,
  method: M,
  url: U,
  body?: SentBody<M, U>,
): Promise<{ status: number; body: AnswerBody<Answer<M, U>> }> {
  const { status, text } = await fetchInPage(page, method, url, body);
  return { status, body: parsed(text) as AnswerBody<Answer<M, U>> };
}

/** Sets the first owner up from the page (`OWNER`, with `input` over it), which signs it in. */
export function setUpOwner(
  page: Page,
  input: Partial<RequestBody<'POST', '/api/auth/setup'>> = {},
) {
  return call(page, 'POST', '/api/auth/setup', { ...OWNER, ...input });
}

export interface DealSetUp {
  /** What the first owner is set up with over `OWNER` (signs the page in). */
  owner?: Partial<RequestBody<'POST', '/api/auth/setup'>>;
  /** The brand: "Glow Skincare" unless told. */
  brand?: RequestBody<'POST', '/api/brands'>;
  /** The deal, on the brand just made. */
  deal: Omit<RequestBody<'POST', '/api/deals'>, 'brandId'>;
  /** Deliverables on the deal, made in this order. */
  deliverables?: Array<Omit<RequestBody<'POST', '/api/deliverables'>, 'dealId'>>;
}

/**
 * Sets the workspace up from the page through the API, as the setup page would: the
 * owner (signed in after), a brand, a deal on it and the deal's deliverables. Answers
 * what it made.
 */
export async function setUpDeal(
  page: Page,
  { owner, brand = { name: 'Glow Skincare' }, deal, deliverables = [] }: DealSetUp,
) {
  await setUpOwner(page, owner);
  const madeBrand = await call(page, 'POST', '/api/brands', brand);
  const madeDeal = await call(page, 'POST', '/api/deals', { ...deal, brandId: madeBrand.id });
  const madeDeliverables: Array<Answer<'POST', '/api/deliverables'>> = [];
  for (const body of deliverables) {
    madeDeliverables.push(
      await call(page, 'POST', '/api/deliverables', { ...body, dealId: madeDeal.id }),
    );
  }
  return { brand: madeBrand, deal: madeDeal, deliverables: madeDeliverables };
}

/** What a rival brand's deal holds: a brand-facing page must show none of it. */
export const RIVAL_DEAL = {
  title: 'Rival secret launch',
  feeCents: 987_654,
  notes: 'Internal: do not tell Glow',
} as const;

/**
 * Sets up, from the page, the workspace a brand-facing page (proposal, report) is read
 * in: the owner of "Ava Studio" in `timeZone` (signs the page in), the brand "Glow
 * Skincare" with `deal` on it, and "Rival Labs" with `RIVAL_DEAL`. Answers Glow's deal.
 */
export async function setUpGlowAndRival(
  page: Page,
  { timeZone, deal }: { timeZone: string; deal: DealSetUp['deal'] },
) {
  await setUpOwner(page, { timeZone, workspaceName: 'Ava Studio' });
  const glow = await call(page, 'POST', '/api/brands', { name: 'Glow Skincare' });
  const rival = await call(page, 'POST', '/api/brands', { name: 'Rival Labs' });
  await call(page, 'POST', '/api/deals', { ...RIVAL_DEAL, brandId: rival.id });
  return call(page, 'POST', '/api/deals', { ...deal, brandId: glow.id });
}

/** How many target selectors a violation lists before "and N more". */
const TARGETS_SHOWN = 3;

/**
 * Runs axe-core in the page (or in `selector` of it) and fails with a readable list of
 * the serious and critical violations: rule id, impact, help and the first targets.
 * `exclude` is only for third-party markup we cannot change (say why where it is passed).
 */
export async function expectAccessible(
  page: Page,
  context = 'page',
  options: { selector?: string; exclude?: string[] } = {},
): Promise<void> {
  // Evaluated over the DevTools protocol: the app's CSP (script-src 'self') refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  // A dialog or toast still fading in blends its text with white: contrast is measured once
  // every finite animation has finished (a spinner's endless one is left running).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await page.evaluate(
    async ([include, exclude]) =>
      (window as unknown as { axe: typeof axe }).axe.run(
        { include: [include], exclude: exclude.map((s) => [s]) },
        { resultTypes: ['violations'] },
      ),
    [options.selector ?? 'body', options.exclude ?? []] as const,
  );
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const lines = serious.map((v) => {
    const targets = v.nodes.map((n) => {
      // Colour contrast says what it measured: foreground on background, ratio against the need.
      const data = n.any[0]?.data as
        | {
            fgColor?: string;
            bgColor?: string;
            contrastRatio?: number;
            expectedContrastRatio?: string;
          }
        | undefined;
      const measured = data?.contrastRatio
        ? ` [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}, needs ${data.expectedContrastRatio}]`
        : '';
      return n.target.join(' ') + measured;
    });
    const more =
      targets.length > TARGETS_SHOWN ? `, and ${targets.length - TARGETS_SHOWN} more` : '';
    return `${v.id} (${v.impact}): ${v.help}: ${targets.slice(0, TARGETS_SHOWN).join(', ')}${more}`;
  });
  if (lines.length === 0) return;
  const report = `${lines.length} serious/critical accessibility violation(s) on ${context} (${page.url()}):\n  - ${lines.join('\n  - ')}`;
  throw new Error(report);
}
