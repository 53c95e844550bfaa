/**
 * `npm run test:image`: builds the Dockerfile with podman, runs the image with a named
 * volume, waits for its HEALTHCHECK, signs up and creates a deliverable through the API,
 * restarts the container and finds the deliverable again, checks that the server runs as a
 * non-root user, and backs up and restores with the built commands as an operator would. Needs root, podman, runc and debootstrap (`.ci/run` installs them).
 *
 * podman is run with `--runtime runc` and low ulimits: on this kind of machine the default
 * runtime (crun) and the default ulimits fail to start containers.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hc } from 'hono/client';
import type { AppType } from '../../server/app';
import { freePort } from '../support/ports';
import { baseImageName, ensureBaseImage } from './base';
import { run, runQuietly, tail } from './commands';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const IMAGE = 'localhost/sponsorcal:test-image';
const RUNTIME = ['--runtime', 'runc'];
const ULIMITS = ['--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024'];
/** Ceiling for the container to answer its health check; on a loaded machine it only takes longer. */
const HEALTHY_WITHIN_MS = 120_000;

const OWNER = {
  email: 'owner@example.com',
  name: 'Olive Owner',
  password: 'correct horse battery',
};

async function main(): Promise<void> {
  await checkPrerequisites();
  const dockerfile = fs.readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
  await ensureBaseImage(baseImageName(dockerfile));
  await buildImage();

  const suffix = randomBytes(4).toString('hex');
  const container = `sponsorcal-test-${suffix}`;
  const volume = `sponsorcal-test-data-${suffix}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let passed = false;
  const cleanUp = async () => {
    if (!passed) await printContainerLogs(container);
    await runQuietly('podman', ['rm', '--force', '--time', '5', container]);
    await runQuietly('podman', ['volume', 'rm', '--force', volume]);
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  try {
    await run('podman', ['volume', 'create', volume]);
    await run('podman', [
      ...RUNTIME,
      'run',
      '--detach',
      '--name',
      container,
      ...ULIMITS,
      '--publish',
      `127.0.0.1:${port}:3000`,
      '--volume',
      `${volume}:/data`,
      // Read at run time, not baked in: the log line below proves the server took it.
      '--env',
      `APP_URL=${url}`,
      IMAGE,
    ]);
    step(`Started ${container} on ${url} with volume ${volume}`);
    await waitUntilHealthy(container);
    await expectLogLine(container, `Links use ${url} (APP_URL)`);

    const cookie = await setUpOwner(url);
    const api = client(url, cookie);
    const brand = await ok(await api.brands.$post({ json: { name: 'Acme Outdoor' } }));
    const deal = await ok(
      await api.deals.$post({ json: { brandId: brand.id, title: 'Spring campaign' } }),
    );
    const created = await ok(
      await api.deliverables.$post({
        json: { dealId: deal.id, title: 'Launch video', platform: 'youtube' },
      }),
    );
    step(`Signed up and created deliverable ${created.id}`);

    await run('podman', ['restart', '--time', '10', container]);
    step('Restarted the container');
    await waitUntilHealthy(container);
    // The same session: sessions live in the database too, so this reads it from the volume.
    const found = await ok(await api.deliverables[':id'].$get({ param: { id: created.id } }));
    if (found.title !== 'Launch video' || found.dealId !== deal.id) {
      throw new Error(`After the restart the deliverable reads ${JSON.stringify(found)}`);
    }
    step('Found the deliverable again after the restart');

    const dataFiles = (await run('podman', ['exec', container, 'ls', '/data'])).split('\n');
    for (const file of ['sponsorcal.db', 'secret.key']) {
      if (!dataFiles.includes(file)) throw new Error(`/data holds no ${file}: ${dataFiles}`);
    }
    // The operator's backup command, as the README gives it, works in the image (no tsx, no npm).
    const backup = await run('podman', [
      'exec',
      container,
      'node',
      'dist/server/cli/backup.js',
      '/data/backups/now.db',
    ]);
    if (!backup.startsWith('Backed up to /data/backups/now.db')) {
      throw new Error(`The backup command said: ${backup}`);
    }
    step('Backed up the database with dist/server/cli/backup.js');
    await expectServerNotRoot(container);
    // Made after the backup: the restore must take it away, and keep the first one.
    const later = await ok(
      await api.deliverables.$post({
        json: { dealId: deal.id, title: 'After the backup', platform: 'youtube' },
      }),
    );
    await restoreWhileStopped({ container, volume, backup: '/data/backups/now.db' });
    const restored = await ok(await api.deliverables[':id'].$get({ param: { id: created.id } }));
    // Widened: the route declares its 200 only, and a missing one answers the shared 404.
    const gone: { status: number } = await api.deliverables[':id'].$get({
      param: { id: later.id },
    });
    if (restored.title !== 'Launch video' || gone.status !== 404) {
      throw new Error(
        `After the restore: the first deliverable reads ${JSON.stringify(restored)}, the later one answers ${gone.status}`,
      );
    }
    step('The restored database holds what the backup held, and not what came after');
    passed = true;
    console.log('test:image passed');
  } finally {
    await cleanUp();
  }
}

function step(message: string) {
  console.log(`- ${message}`);
}

async function checkPrerequisites() {
  if (process.getuid?.() !== 0) {
    throw new Error('test:image runs podman as root (rootless podman is not set up here)');
  }
  for (const tool of ['podman', 'runc', 'debootstrap']) {
    const found = await runQuietly('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`]);
    if (found.code !== 0) {
      throw new Error(`test:image needs ${tool}: apt-get install podman runc debootstrap`);
    }
  }
}

async function buildImage() {
  step(`Building ${IMAGE} from the Dockerfile`);
  const started = Date.now();
  const previous = await imageId(IMAGE);
  const result = await runQuietly('podman', [
    'build',
    ...RUNTIME,
    // HEALTHCHECK is part of the Docker image format only; the OCI format drops it.
    '--format',
    'docker',
    ...ULIMITS,
    // The registries are reached through a CA this machine trusts: lent to the RUN steps
    // only (an empty ARG by default), so nothing of this machine ends up in the image.
    '--volume',
    '/etc/ssl/certs:/etc/ssl/certs:ro',
    '--build-arg',
    'NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt',
    '--tag',
    IMAGE,
    REPO_ROOT,
  ]);
  if (result.code !== 0) {
    throw new Error(`podman build failed:\n${tail(result.stdout + result.stderr, 120)}`);
  }
  step(`Built in ${Math.round((Date.now() - started) / 1000)} s`);
  // The image of the previous run, untagged now: each run would otherwise leave one behind.
  // (The build stage's layers stay: they are the cache that makes the next build quick.)
  if (previous && previous !== (await imageId(IMAGE))) {
    await runQuietly('podman', ['rmi', previous]);
  }
}

async function imageId(image: string): Promise<string | undefined> {
  const inspected = await runQuietly('podman', ['image', 'inspect', '--format', '{{.Id}}', image]);
  return inspected.code === 0 ? inspected.stdout.trim() : undefined;
}

/**
 * Runs the image's own HEALTHCHECK until it passes (podman schedules health checks through
 * systemd timers, which a machine without systemd lacks), then reads the status podman
 * recorded from it. Fails at once, with the logs, if the container stops.
 */
async function waitUntilHealthy(container: string) {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  for (;;) {
    const state = (
      await run('podman', ['inspect', '--format', '{{.State.Status}}', container])
    ).trim();
    if (state !== 'running') throw new Error(`The container is ${state}, not running`);
    const check = await runQuietly('podman', ['healthcheck', 'run', container]);
    if (check.code === 0) break;
    if (Date.now() > deadline) {
      throw new Error(
        `The health check did not pass within ${HEALTHY_WITHIN_MS} ms: ${check.stdout}${check.stderr}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const status = (
    await run('podman', ['inspect', '--format', '{{.State.Health.Status}}', container])
  ).trim();
  if (status !== 'healthy') throw new Error(`podman reports the container ${status}`);
  step('The container is healthy');
}

async function expectLogLine(container: string, line: string) {
  const logs = await run('podman', ['logs', container]);
  if (!logs.split('\n').includes(line)) {
    throw new Error(`The server did not say "${line}"`);
  }
}

/** The server is the container's first process; its real and effective uid must not be 0. */
async function expectServerNotRoot(container: string) {
  const status = await run('podman', ['exec', container, 'cat', '/proc/1/status']);
  const cmdline = await run('podman', ['exec', container, 'cat', '/proc/1/cmdline']);
  const uids = /^Uid:\s+(.*)$/m.exec(status)?.[1]?.split(/\s+/) ?? [];
  if (!cmdline.includes('dist/server/index.js')) {
    throw new Error(`The container's first process is not the server: ${cmdline}`);
  }
  if (uids.length === 0 || uids.includes('0')) {
    throw new Error(`The server runs with uids ${uids.join(' ')}`);
  }
  step(`The server runs as uid ${uids[0]}`);
}

/**
 * The restore an operator does: refused while the server holds the database (its lock is
 * seen across containers sharing the volume), done by a one-off container once it is
 * stopped; then the server starts again on the restored file.
 */
async function restoreWhileStopped(options: { container: string; volume: string; backup: string }) {
  const restore = ['node', 'dist/server/cli/restore.js', options.backup];
  const refused = await runQuietly('podman', ['exec', options.container, ...restore]);
  if (refused.code === 0 || !refused.stderr.includes('Restore refused')) {
    throw new Error(
      `A restore under the running server was not refused: ${refused.stdout}${refused.stderr}`,
    );
  }
  await run('podman', ['stop', '--time', '10', options.container]);
  const done = await run('podman', [
    ...RUNTIME,
    'run',
    '--rm',
    ...ULIMITS,
    '--volume',
    `${options.volume}:/data`,
    IMAGE,
    ...restore,
  ]);
  if (!done.startsWith(`Restored ${options.backup} to /data/sponsorcal.db`)) {
    throw new Error(`The restore said: ${done}`);
  }
  step('Restored the backup in a one-off container (refused while the server ran)');
  await run('podman', ['start', options.container]);
  await waitUntilHealthy(options.container);
}

async function printContainerLogs(container: string) {
  const logs = await runQuietly('podman', ['logs', container]);
  if (logs.code !== 0) return;
  console.error(`--- podman logs ${container} ---\n${tail(logs.stdout + logs.stderr, 100)}`);
}

function client(url: string, cookie?: string) {
  // A signed-in browser names its origin on every change (the CSRF check wants it).
  return hc<AppType>(url, { headers: cookie ? { cookie, origin: url } : {} }).api;
}

async function ok<T>(response: {
  ok: boolean;
  status: number;
  url: string;
  json(): Promise<T>;
  text(): Promise<string>;
}): Promise<T> {
  if (!response.ok) {
    throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

async function setUpOwner(url: string): Promise<string> {
  const response = await client(url).auth.setup.$post({ json: OWNER });
  await ok(response);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('POST /api/auth/setup set no cookie');
  return cookie;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
