import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import SQLite from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { startBenchServer } from './http';
import type { Report } from './report';
import { seedWorkspace } from './seed';
import { median } from './stats';
import { measureFloor } from './web-floor';
import { buildWeb, CHROMIUM_ARGS, findChromium, month, SWITCH_PLAN, VIEWPORT } from './web-page';

/** What index.html loads before anything else: its entry script, modulepreloads and stylesheets. */
export function initialAssets(webRoot: string): string[] {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = /rel="(modulepreload|stylesheet)"/.test(tag);
    const url = /(?:src|href)="(\/assets\/[^"]+)"/.exec(tag)?.[1];
    return (isScript || isPreload) && url ? [url] : [];
  });
}

/** Events the calendar shows in a month: each deliverable's go-live and draft due inside it. */
function eventsInMonth(file: string, m: { from: string; to: string }): number {
  const db = new SQLite(file, { readonly: true });
  try {
    const row = db
      .prepare(
        `select (select count(*) from deliverables where publish_at >= ? and publish_at < ?)
              + (select count(*) from deliverables where draft_due_at >= ? and draft_due_at < ?) as events`,
      )
      .get(m.from, m.to, m.from, m.to) as { events: number };
    return row.events;
  } finally {
    db.close();
  }
}

export interface WebBenchOptions {
  tmp: string;
  now: Date;
  switches: number;
}

/**
 * The production bundle the first page loads (gzip), and in headless Chromium
 * against the built app on the real server: a month of ~1,000 events rendered
 * after its data arrives, the cold page load, and switching months.
 */
export async function benchWeb(report: Report, options: WebBenchOptions): Promise<void> {
  report.begin('5. Web: bundle and calendar rendering');
  const webRoot = path.join(options.tmp, 'web');
  const failure = buildWeb(webRoot);
  if (failure) {
    console.log(`  vite build failed, web figures skipped:\n${failure}`);
    report.add('web_build_failed', 'vite build failed (see the log)', 1, 'failure', {
      op: '<=',
      value: 0,
    });
    return;
  }
  let js = 0;
  let css = 0;
  let raw = 0;
  for (const url of initialAssets(webRoot)) {
    const content = fs.readFileSync(path.join(webRoot, url));
    raw += content.length;
    const gzipped = zlib.gzipSync(content, { level: 9 }).length;
    if (url.endsWith('.css')) css += gzipped;
    else js += gzipped;
  }
  report.add('web_initial_js_gzip_kb', 'Initial route JavaScript (gzip -9)', js / 1024, 'KB', {
    op: '<=',
    value: 150,
  });
  report.add('web_initial_css_gzip_kb', 'Initial route CSS (gzip -9)', css / 1024, 'KB');
  report.add('web_initial_raw_kb', 'Initial route, uncompressed', raw / 1024, 'KB');
  report.add('web_initial_gzip_kb', 'Initial route total (gzip -9)', (js + css) / 1024, 'KB', {
    op: '<=',
    value: 250,
  });

  const executablePath = findChromium();
  if (!executablePath) {
    console.log(
      "  Chromium not found (install Debian's chromium or set CHROME_PATH): rendering figures skipped.",
    );
    return;
  }
  // About 1,000 events a month (go-lives and drafts due) from two months back to two ahead.
  const file = path.join(options.tmp, 'web.db');
  const seeded = await seedWorkspace(file, {
    now: options.now,
    size: { deliverables: 2_200, brands: 40, deals: 150, invoices: 120 },
    span: { from: new Date(month(options.now, -1).from), to: new Date(month(options.now, 3).from) },
  });
  const current = month(options.now, 0);
  report.add(
    'web_month_events',
    'Events in the month shown',
    eventsInMonth(file, current),
    'events',
  );

  const server = await startBenchServer(file, webRoot);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    await context.addCookies([
      { name: 'sponsorcal_session', value: seeded.sessionToken, url: server.url },
    ]);
    await context.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // Requests in flight, so a switch starts as a user's would: once the page has settled.
    let inFlight = 0;
    let settled: (() => void) | null = null;
    page.on('request', () => (inFlight += 1));
    const done = () => {
      inFlight -= 1;
      if (inFlight === 0) settled?.();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    /** After the page's next idle moment (where it prefetches), once no request is in flight. */
    const settle = async () => {
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      if (inFlight > 0) await new Promise<void>((resolve) => (settled = resolve));
      settled = null;
    };

    /**
     * Resolves (in the page's clock) once the first frame where the month's mid cell shows new
     * events is laid out and painted, after a new calendar read when `fetchesBefore` is a count (a page load); a switch
     * waits for the events alone (`null`): the new month's cell exists only once it is shown.
     */
    const rendered = (key: string, fetchesBefore: number | null) =>
      page
        .waitForFunction(
          ({ key, fetchesBefore }) => {
            const fetched = performance
              .getEntriesByType('resource')
              .filter((e) =>
                e.name.includes('/api/deliverables/calendar?from='),
              ) as PerformanceResourceTiming[];
            if (fetchesBefore !== null && fetched.length <= fetchesBefore) return false;
            const cell = document.querySelector(`[data-date="${key}-15"]`);
            const fresh = cell?.querySelector('.sc-ev:not([data-bench-old])');
            if (!fresh) return false;
            // Shown is painted: this frame's layout and paint run after its animation-frame
            // callbacks (this one), and a message posted now is handled after them.
            const w = window as unknown as { benchPaintedAt?: number | null };
            if (w.benchPaintedAt === undefined) {
              w.benchPaintedAt = null;
              const channel = new MessageChannel();
              channel.port1.onmessage = () => (w.benchPaintedAt = performance.now());
              channel.port2.postMessage(0);
            }
            if (w.benchPaintedAt === null) return false;
            const at = w.benchPaintedAt;
            delete w.benchPaintedAt;
            // The month's data is in once both of its sources (deliverables, invoices) answered.
            const invoices = performance
              .getEntriesByType('resource')
              .filter((e) => e.name.includes('/api/invoices?')) as PerformanceResourceTiming[];
            const dataAt = Math.max(
              fetched[fetched.length - 1]!.responseEnd,
              invoices[invoices.length - 1]?.responseEnd ?? 0,
            );
            return { at, dataAt };
          },
          { key, fetchesBefore },
          { polling: 'raf', timeout: 60_000 },
        )
        .then((handle) => handle.jsonValue() as Promise<{ at: number; dataAt: number }>);

    const loads: number[] = [];
    const renders: number[] = [];
    let loadedJs = 0;
    for (let i = 0; i < 6; i++) {
      await page.goto(`${server.url}/`);
      const { at, dataAt } = await rendered(current.key, 0);
      if (i === 0) {
        // What the page really fetched before its month showed: a check on initialAssets().
        const scripts = await page.evaluate(
          (until) =>
            performance
              .getEntriesByType('resource')
              .filter((e) => e.startTime < until && new URL(e.name).pathname.endsWith('.js'))
              .map((e) => new URL(e.name).pathname),
          at,
        );
        for (const url of scripts) {
          loadedJs += zlib.gzipSync(fs.readFileSync(path.join(webRoot, url)), { level: 9 }).length;
        }
      } else {
        // The first load warms the server and the browser's caches; the rest are "open the app".
        loads.push(at);
        renders.push(at - dataAt);
      }
    }
    report.add(
      'web_loaded_js_gzip_kb',
      'JavaScript the page loaded until the month showed (gzip -9)',
      loadedJs / 1024,
      'KB',
    );
    report.add(
      'web_page_load_ms',
      'Open the app until the month’s events show (median)',
      median(loads),
      'ms',
    );
    report.add(
      'web_month_render_ms',
      'Render a month of ~1,000 events once its data arrived, to painted (median)',
      median(renders),
      'ms',
      { op: '<=', value: 100 },
    );

    const switches: number[] = [];
    const plan = SWITCH_PLAN.slice(0, options.switches);
    let shown = 0;
    for (const target of plan) {
      const button = target > shown ? 'Next Month' : 'Previous Month';
      await settle();
      await page.evaluate((label) => {
        document.querySelectorAll('.sc-ev').forEach((e) => e.setAttribute('data-bench-old', ''));
        (window as unknown as { benchStart: number }).benchStart = performance.now();
        document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!.click();
      }, button);
      const { at } = await rendered(month(options.now, target).key, null);
      switches.push(
        at - (await page.evaluate(() => (window as unknown as { benchStart: number }).benchStart)),
      );
      shown = target;
    }
    report.add(
      'web_month_switch_ms',
      'Switch months: click to the new month’s events painted (median)',
      median(switches),
      'ms',
      { op: '<=', value: 100 },
    );
    report.add('web_month_switch_max_ms', 'Slowest month switch', Math.max(...switches), 'ms');
    if (problems.length) console.log(`  page errors: ${problems.join('; ')}`);

    // The same in FullCalendar alone: what of the app's figures is FullCalendar's own work.
    const floor = await measureFloor(browser, {
      url: server.url,
      webRoot,
      file,
      now: options.now,
      loads: renders.length,
      switches: plan.length,
    });
    if ('failure' in floor) {
      console.log(`  the floor page's build failed, its figures skipped:\n${floor.failure}`);
      return;
    }
    const floorRender = median(floor.renders);
    const floorSwitch = median(floor.switches);
    report.add(
      'web_floor_month_render_ms',
      'Floor: FullCalendar alone, same events, titles as faces: render, to painted (median)',
      floorRender,
      'ms',
    );
    report.add('web_floor_month_switch_ms', 'Floor: switch months (median)', floorSwitch, 'ms');
    report.add(
      'ratio_web_render_vs_floor',
      'Month render ÷ its floor',
      median(renders) / floorRender,
      '×',
    );
    report.add(
      'ratio_web_switch_vs_floor',
      'Month switch ÷ its floor',
      median(switches) / floorSwitch,
      '×',
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
