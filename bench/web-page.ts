/** What the web section builds, shows and clicks, on the app and on its floor alike. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Debian's Chromium (or CHROME_PATH); the bench never downloads a browser. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c): c is string => Boolean(c && fs.existsSync(c))) ?? null;
}

/**
 * Builds the web app into `outDir`, or the page in `page.root` (with the app's Vite config:
 * the same Preact) to be served under `page.base`; answers the error output when the
 * build fails.
 */
export function buildWeb(outDir: string, page?: { root: string; base: string }): string | null {
  const build = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      ...(page ? [page.root, '--base', page.base] : []),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { encoding: 'utf8' },
  );
  return build.status === 0 ? null : `${build.stdout}\n${build.stderr}`.trim().slice(-2000);
}

/** The browser's window: a laptop's. */
export const VIEWPORT = { width: 1280, height: 800 };

/** The months switched to, as offsets from the current one: months with data, one back to two ahead. */
export const SWITCH_PLAN = [1, 2, 1, 0, -1, 0, 1, 2, 1, 0];

/** The month `offset` months from `date`'s, in UTC: its `YYYY-MM` key and its bounds. */
export function month(date: Date, offset: number): { key: string; from: string; to: string } {
  const from = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
  const to = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset + 1, 1));
  return { key: from.toISOString().slice(0, 7), from: from.toISOString(), to: to.toISOString() };
}
