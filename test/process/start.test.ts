import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build.mjs';
import { tempDir } from '../e2e/server';
import { commandLineOf, descendantsOf } from '../support/procfs';
import { ONCE_A_YEAR, PROCESS_TEST_TIMEOUT_MS, waitFor } from './support';

const run = promisify(execFile);
const dirs: string[] = [];
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.allSettled(stops.splice(0).map((stop) => stop()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Packages an install needs only to build or develop: the built server must run without them. */
const DEV_ONLY = new Set(['tsx', 'esbuild', '@esbuild', 'vite', '.bin']);

/**
 * An install as a container image holds it: package.json, scripts/, the built dist/server and
 * web/dist, and node_modules without the build tools — no sources, no tsx. Answers its
 * directory. (node_modules entries are links to this checkout's packages.)
 */
function builtInstall(): string {
  const dir = tempDir('sponsorcal-install-');
  dirs.push(dir);
  // Copied after the build, so newer than it: the launcher must not take that for a change.
  for (const file of ['package.json', 'package-lock.json'])
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  fs.cpSync(path.join(ROOT, 'scripts'), path.join(dir, 'scripts'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist', 'server'), path.join(dir, 'dist', 'server'), {
    recursive: true,
  });
  fs.mkdirSync(path.join(dir, 'web', 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'web', 'dist', 'index.html'), '<p>the installed web app</p>');
  const modules = fs.realpathSync(path.join(ROOT, 'node_modules'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  for (const name of fs.readdirSync(modules))
    if (!DEV_ONLY.has(name))
      fs.symlinkSync(path.join(modules, name), path.join(dir, 'node_modules', name));
  return dir;
}

/** The environment of a user's shell, without anything that would preload a loader. */
function plainEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/** The processes started under `pid` (children, their children, …) with their command lines. */
function descendants(pid: number): { pid: number; argv: string[] }[] {
  return descendantsOf(pid).flatMap((child) => {
    const argv = commandLineOf(child);
    // Gone meanwhile: not there to find.
    return argv ? [{ pid: child, argv }] : [];
  });
}

describe('npm start (the built server, plain node)', () => {
  it(
    'serves a fresh database from an install holding only dist/, without tsx or a build tool, and the operator commands run there too',
    async () => {
      const install = builtInstall();
      const data = path.join(install, 'data');
      const env = plainEnv({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${path.join(data, 'sponsorcal.db')}`,
        ALERT_CRON: ONCE_A_YEAR,
      });
      const npm = spawn('npm', ['start'], { cwd: install, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      npm.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      npm.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
      stops.push(async () => {
        for (const p of descendants(npm.pid!)) process.kill(p.pid, 'SIGKILL');
        npm.kill('SIGKILL');
        await exited;
      });

      const port = await waitFor('npm start to listen', () => {
        if (npm.exitCode !== null) throw new Error(`npm start exited:\n${log}`);
        return /listening on http:\/\/[^:]+:(\d+)/.exec(log)?.[1];
      });
      const url = `http://127.0.0.1:${port}`;
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      // The root comes from package.json's place, not the bundle's: web/dist of the install.
      expect(await (await fetch(url)).text()).toContain('the installed web app');
      expect(log).not.toMatch(/Building/);

      const server = descendants(npm.pid!).find((p) => p.argv.some((a) => a.endsWith('run.mjs')));
      expect(server?.argv.slice(1)).toEqual(['scripts/run.mjs', 'start']);
      for (const p of descendants(npm.pid!)) expect(p.argv.join(' ')).not.toMatch(/tsx/);
      const environ = fs.readFileSync(`/proc/${server!.pid}/environ`, 'utf8').split('\0');
      expect(environ.filter((v) => v.startsWith('NODE_OPTIONS='))).toEqual([]);

      const backup = path.join(install, 'copy.db');
      const { stdout } = await run('npm', ['run', 'backup', '--', backup], { cwd: install, env });
      expect(stdout).toMatch(/integrity ok/);
      expect(fs.existsSync(backup)).toBe(true);

      process.kill(server!.pid, 'SIGTERM');
      expect(await exited).toBe(0);
      expect(log).toMatch(/stopped/);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
