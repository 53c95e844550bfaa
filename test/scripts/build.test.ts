import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale, ROOT, SERVER_OUT, serverEntryPoints } from '../../scripts/build.mjs';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-build-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Writes `file` under the temp directory dated `secondsAgo` before now, and its directories
 * (which creating it changed) with it.
 */
function write(file: string, secondsAgo: number): string {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, file);
  const at = new Date(Date.now() - secondsAgo * 1000);
  for (let p = full; p !== dir; p = path.dirname(p)) fs.utimesSync(p, at, at);
  return full;
}

function target() {
  return {
    output: path.join(dir, 'dist', 'server', 'index.js'),
    sources: [path.join(dir, 'server'), path.join(dir, 'package-lock.json')],
    marker: path.join(dir, 'server', 'index.ts'),
  };
}

describe('isStale (scripts/build.mjs)', () => {
  it('is stale when there is no build yet', () => {
    write('server/index.ts', 60);
    expect(isStale(target())).toBe(true);
  });

  it('is up to date when the build is newer than every source', () => {
    write('server/index.ts', 60);
    write('server/db/connect.ts', 50);
    write('package-lock.json', 50);
    write('dist/server/index.js', 10);
    expect(isStale(target())).toBe(false);
  });

  it('is stale when a source deep in the tree changed after the build', () => {
    write('server/index.ts', 60);
    write('dist/server/index.js', 30);
    write('server/db/queries/deals.ts', 5);
    expect(isStale(target())).toBe(true);
  });

  it('is stale when a listed source file changed after the build', () => {
    write('server/index.ts', 60);
    write('dist/server/index.js', 30);
    write('package-lock.json', 5);
    expect(isStale(target())).toBe(true);
  });

  it('is stale when a source was deleted after the build (its directory changed)', () => {
    write('server/index.ts', 60);
    const gone = write('server/cli/old.ts', 60);
    write('dist/server/index.js', 30);
    fs.rmSync(gone);
    expect(isStale(target())).toBe(true);
  });

  it('ignores dist and node_modules inside the sources', () => {
    write('server/index.ts', 60);
    write('dist/server/index.js', 30);
    write('server/node_modules/x/index.js', 5);
    write('server/dist/out.js', 5);
    // Writing them dated server/ itself too: date it back before the build.
    const before = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'server'), before, before);
    expect(isStale(target())).toBe(false);
  });

  it('never asks for a build where the sources are absent (an install of dist/ only)', () => {
    write('dist/server/index.js', 30);
    // Copied into an image after the build: newer, yet no reason (nor means) to build.
    write('package-lock.json', 5);
    expect(isStale(target())).toBe(false);
    fs.rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(isStale(target())).toBe(false);
  });
});

describe('serverEntryPoints', () => {
  it("builds server/index.ts, the scan's child process, the backup's worker thread and every command in server/cli but the dev runner", () => {
    const commands = fs
      .readdirSync(path.join(ROOT, 'server', 'cli'))
      .filter((f) => f.endsWith('.ts') && f !== 'dev.ts');
    expect(commands).toEqual(expect.arrayContaining(['backup.ts', 'migrate.ts', 'seed.ts']));
    expect(serverEntryPoints().map((p) => path.relative(ROOT, p))).toEqual([
      path.join('server', 'index.ts'),
      path.join('server', 'alerts', 'scan-child.ts'),
      path.join('server', 'db', 'backup-worker.ts'),
      ...commands.map((f) => path.join('server', 'cli', f)),
    ]);
  });
});

describe('the built server (built by the test setup)', () => {
  /** The modules esbuild bundled into an entry point's output, from its source map. */
  const bundled = (entry: string) =>
    (
      JSON.parse(fs.readFileSync(path.join(SERVER_OUT, `${entry}.js.map`), 'utf8')) as {
        sources: string[];
      }
    ).sources;

  it("keeps zod out of the alert scan's process: it reads settings and drafts invoices without it", () => {
    const sources = bundled(path.join('alerts', 'scan-child'));
    expect(sources).toEqual(
      expect.arrayContaining([expect.stringContaining('server/alerts/rules/ready-to-invoice.ts')]),
    );
    expect(sources.filter((source) => source.includes('node_modules/zod/'))).toEqual([]);
    // The server itself validates every request with the shared zod schemas.
    expect(bundled('index').some((source) => source.includes('node_modules/zod/'))).toBe(true);
  });
});
