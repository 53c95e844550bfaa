// @ts-check
/**
 * Builds the web app (Vite, into web/dist) and the server (esbuild, into dist/server).
 *
 * Plain JavaScript, not TypeScript: `npm start` calls it through scripts/run.mjs with plain
 * `node`, which (Node 20) cannot run TypeScript, and tsx is a dev dependency only.
 *
 *   node scripts/build.mjs             builds both (`npm run build`)
 *   node scripts/build.mjs --if-stale  builds only what is older than its sources
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_OUT = path.join(ROOT, 'dist', 'server');

/**
 * @typedef {object} Target
 * @property {string} output the file whose modification time is the build's
 * @property {string[]} sources files and directories it is built from
 * @property {string} marker a source without which there is nothing to build from here
 */

/** @type {Target} */
export const WEB = {
  output: path.join(ROOT, 'web', 'dist', 'index.html'),
  sources: ['web', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(ROOT, p)),
  marker: path.join(ROOT, 'vite.config.ts'),
};

/** @type {Target} */
export const SERVER = {
  // Written last by `buildServer`: a build cut short leaves it old, so the next start rebuilds.
  output: path.join(SERVER_OUT, 'index.js'),
  sources: ['server', 'shared', 'tsconfig.json', 'package-lock.json', 'scripts/build.mjs'].map(
    (p) => path.join(ROOT, p),
  ),
  marker: path.join(ROOT, 'server', 'index.ts'),
};

/** Directories that are output or installed, never sources. */
const SKIPPED = new Set(['dist', 'node_modules']);

/**
 * Newest modification time under the given paths (0 when none exists). Directories count
 * too, so a deleted or renamed source makes the build stale.
 * @param {string[]} paths
 * @returns {number}
 */
export function newestMtime(paths) {
  let newest = 0;
  /** @param {string} p */
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory())
      for (const entry of fs.readdirSync(p)) if (!SKIPPED.has(entry)) visit(path.join(p, entry));
  };
  paths.forEach(visit);
  return newest;
}

/**
 * Whether the target must be built: its sources are newer than its output. Without its
 * sources (an install holding only the built files and package files, as a container image
 * does, where copying gives directories new dates) it never is.
 * @param {Pick<Target, 'output' | 'sources' | 'marker'>} target
 * @returns {boolean}
 */
export function isStale(target) {
  if (!fs.existsSync(target.marker)) return false;
  const built = fs.existsSync(target.output) ? fs.statSync(target.output).mtimeMs : 0;
  return built < newestMtime(target.sources);
}

/**
 * The server's entry points: server/index.ts, the processes and threads it starts (the
 * alert scan's child process and the scheduled backup's worker thread:
 * server/entry-points.ts finds each at the same path under dist/server/ as under
 * server/), and every command in server/cli/ but `dev`.
 */
export function serverEntryPoints() {
  const cli = path.join(ROOT, 'server', 'cli');
  const commands = fs
    .readdirSync(cli)
    .filter((file) => file.endsWith('.ts') && file !== 'dev.ts')
    .map((file) => path.join(cli, file));
  return [
    path.join(ROOT, 'server', 'index.ts'),
    path.join(ROOT, 'server', 'alerts', 'scan-child.ts'),
    path.join(ROOT, 'server', 'db', 'backup-worker.ts'),
    ...commands,
  ];
}

/**
 * Packages left to node_modules at run time, not bundled: better-sqlite3 (native), pdfkit
 * (reads its font data beside its own files), and those the server loads only on first use
 * (pg on PostgreSQL, nodemailer on the first e-mail). Every other package is bundled: one
 * file read and compiled instead of hundreds resolved, which halves the start-up.
 */
export const UNBUNDLED = ['better-sqlite3', 'pdfkit', 'pg', 'nodemailer'];

/**
 * Bundles the server into dist/server: one ES module per entry point. Each file is written
 * to a temp name and renamed into place, so builds racing each other (several test projects
 * starting) and a server starting meanwhile only ever see whole files.
 */
export async function buildServer() {
  // Loaded only to build: an install without dev dependencies and with dist/ never gets here.
  const esbuild = await import('esbuild').catch(() => {
    throw new Error(
      'The server needs building and esbuild (a dev dependency) is not installed: run `npm install`, or install a built dist/.',
    );
  });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: serverEntryPoints(),
    outbase: path.join(ROOT, 'server'),
    outdir: SERVER_OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: UNBUNDLED,
    // Stack traces name the .ts lines (started with --enable-source-maps).
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
    write: false,
  });
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === SERVER.output) - Number(b.path === SERVER.output),
  );
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    const temp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temp, file.contents);
    fs.renameSync(temp, file.path);
  }
}

/** Builds the web app into web/dist with Vite (in its own process, as `vite build`). */
export function buildWeb() {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('The web app build failed; see the output above.');
}

/**
 * Builds what is stale, saying so (or nothing when both are up to date).
 * @param {{ web?: boolean }} [options] web: false leaves the web app alone
 */
export async function buildIfStale({ web = true } = {}) {
  if (web && isStale(WEB)) {
    console.log('Building the web app…');
    buildWeb();
  }
  if (isStale(SERVER)) {
    console.log('Building the server…');
    await buildServer();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    if (process.argv.includes('--if-stale')) {
      await buildIfStale();
    } else {
      buildWeb();
      await buildServer();
      console.log(`Built the server into ${path.relative(ROOT, SERVER_OUT)}/`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
