import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import type { FloorEvents } from './web-floor/main';
import { buildWeb, month, SWITCH_PLAN, VIEWPORT } from './web-page';

/** The floor's month render and switch times (ms), as the app's are taken. */
export interface FloorTimes {
  renders: number[];
  switches: number[];
}

/**
 * Every event the calendar shows from a week before the first month of the plan to a week
 * after its last: each deliverable's go-live and draft due, each invoice's due day (drafts,
 * sent and paid, as the calendar reads them). Titles as the app's data has them.
 */
function floorEvents(file: string, now: Date): FloorEvents {
  const week = 7 * 24 * 3600 * 1000;
  const offsets = SWITCH_PLAN.concat(0);
  const from = new Date(Date.parse(month(now, Math.min(...offsets)).from) - week).toISOString();
  const to = new Date(Date.parse(month(now, Math.max(...offsets)).to) + week).toISOString();
  const db = new SQLite(file, { readonly: true });
  try {
    const moments = db
      .prepare(
        `select id || ':publish' as id, title, publish_at as at from deliverables
           where publish_at >= ? and publish_at < ?
         union all
         select id || ':draft', 'Draft: ' || title, draft_due_at from deliverables
           where draft_due_at >= ? and draft_due_at < ?`,
      )
      .all(from, to, from, to) as { id: string; title: string; at: string }[];
    const invoices = db
      .prepare(
        `select id || ':invoice' as id, 'Invoice ' || number || ' due' as title, due_on as day
           from invoices
           where due_on >= ? and due_on < ? and status in ('draft', 'sent', 'paid')`,
      )
      .all(from.slice(0, 10), to.slice(0, 10)) as { id: string; title: string; day: string }[];
    const events: FloorEvents['events'] = [
      ...moments.map(({ id, title, at }) => ({
        id,
        title,
        start: Date.parse(at),
        at: Date.parse(at),
      })),
      ...invoices.map(({ id, title, day }) => ({
        id,
        title,
        start: day,
        allDay: true,
        at: Date.parse(`${day}T00:00:00Z`),
      })),
    ];
    return { initialDate: month(now, 0).from.slice(0, 10), events };
  } finally {
    db.close();
  }
}

/**
 * In the page (as source text: the bench's own code is transformed by tsx, the page's is
 * not): resolves with the milliseconds from `since` to the first painted frame in which the
 * middle of `key`'s month shows an event not marked old. A message posted from an animation
 * frame is handled after that frame's layout and paint.
 */
function paintedSince(key: string, since: string): string {
  return `new Promise((resolve) => {
    const check = () => {
      if (!document.querySelector('[data-date="${key}-15"] .sc-ev:not([data-bench-old])'))
        return requestAnimationFrame(check);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - ${since});
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(check);
  })`;
}

/** After the page's next idle moment: a switch starts as a user's click would. */
const settle = (page: Page) =>
  page.evaluate('new Promise((resolve) => requestIdleCallback(() => resolve()))');

/**
 * FullCalendar alone (bench/web-floor/main.tsx) with the workspace's events in `file`,
 * built into `webRoot`'s `floor/` and served there by the bench server at `url`: `loads`
 * renders of the first month from the moment FullCalendar has its events (after a first
 * load that warms the browser's caches), and the app's month switches.
 */
export async function measureFloor(
  browser: Browser,
  options: {
    url: string;
    webRoot: string;
    file: string;
    now: Date;
    loads: number;
    switches: number;
  },
): Promise<FloorTimes | { failure: string }> {
  const root = path.join(options.webRoot, 'floor');
  const failure = buildWeb(root, { root: 'bench/web-floor', base: '/floor/' });
  if (failure) return { failure };
  fs.writeFileSync(
    path.join(root, 'events.json'),
    JSON.stringify(floorEvents(options.file, options.now)),
  );
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  try {
    const page = await context.newPage();
    const current = month(options.now, 0).key;
    const renders: number[] = [];
    for (let i = 0; i <= options.loads; i++) {
      await page.goto(`${options.url}/floor/index.html`);
      await page.waitForFunction(() => 'benchRelease' in window);
      await settle(page);
      const ms = (await page.evaluate(
        `(() => { const painted = ${paintedSince(current, 'window.benchReleasedAt')}; window.benchRelease(); return painted; })()`,
      )) as number;
      if (i > 0) renders.push(ms);
    }
    const switches: number[] = [];
    let shown = 0;
    for (const target of SWITCH_PLAN.slice(0, options.switches)) {
      const label = target > shown ? 'Next Month' : 'Previous Month';
      await settle(page);
      const ms = (await page.evaluate(
        `(() => {
          document.querySelectorAll('.sc-ev').forEach((e) => e.setAttribute('data-bench-old', ''));
          window.benchClickAt = performance.now();
          document.querySelector('button[aria-label="${label}"]').click();
          return ${paintedSince(month(options.now, target).key, 'window.benchClickAt')};
        })()`,
      )) as number;
      switches.push(ms);
      shown = target;
    }
    return { renders, switches };
  } finally {
    await context.close();
  }
}
