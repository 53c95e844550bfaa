import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { run, runQuietly } from './commands';

/**
 * Assembles, on a machine that cannot pull from a registry, the base image the Dockerfile's
 * `FROM` names: Debian bookworm from debootstrap plus this machine's own `node`, npm and
 * Node's headers laid out as the official `node:*-bookworm-slim` images lay them out
 * (`/usr/local/bin/node`, `/usr/local/lib/node_modules/npm`, `/usr/local/include/node`, a
 * `node` user with uid 1000). The Dockerfile itself stays the one users build from Docker Hub.
 */

export const BASE_CACHE_DIR = '/var/tmp/sponsorcal-image-base';
/** Marks an image as assembled here, with the key it was assembled for. */
const BASE_LABEL = 'sponsorcal.image-base';

/** The image named by the Dockerfile's first `FROM`, spelled as podman stores it. */
export function baseImageName(dockerfile: string): string {
  const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)/im.exec(dockerfile)?.[1];
  if (!from) throw new Error('The Dockerfile has no FROM line');
  const [name = '', tag = 'latest'] = from.split(':');
  const qualified = name.includes('/') ? name : `library/${name}`;
  return `docker.io/${qualified}:${tag}`;
}

/** Where `node` and npm live on this machine (Debian's, NodeSource's or /usr/local). */
function machineNode() {
  const nodeBinary = fs.realpathSync(process.execPath);
  const prefix = path.dirname(path.dirname(nodeBinary));
  const npmDir = path.join(prefix, 'lib', 'node_modules', 'npm');
  const headers = path.join(prefix, 'include', 'node');
  for (const needed of [npmDir, path.join(headers, 'node.h')]) {
    if (!fs.existsSync(needed)) throw new Error(`This machine's Node.js has no ${needed}`);
  }
  return { nodeBinary, npmDir, headers };
}

/** The first Debian mirror this machine's apt uses (deb822 or one-line sources). */
function debianMirror(): string {
  const files = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const mirror =
      /^URIs:\s*(\S+\/debian)\/?\s*$/m.exec(text)?.[1] ??
      /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s+bookworm\b/m.exec(text)?.[1];
    if (mirror) return mirror;
  }
  return 'http://deb.debian.org/debian';
}

/**
 * Changes whenever what the base holds would change: this machine's node, and the way it
 * is assembled (this file).
 */
function baseKey(nodeBinary: string): string {
  const hash = createHash('sha256');
  hash.update(process.version);
  hash.update(String(fs.statSync(nodeBinary).size));
  hash.update(fs.readFileSync(new URL(import.meta.url)));
  return `${process.version}-${hash.digest('hex').slice(0, 12)}`;
}

async function labelOf(image: string): Promise<string | null | undefined> {
  const exists = await runQuietly('podman', ['image', 'exists', image]);
  if (exists.code !== 0) return undefined;
  const inspected = await run('podman', [
    'image',
    'inspect',
    '--format',
    `{{index .Labels "${BASE_LABEL}"}}`,
    image,
  ]);
  const label = inspected.trim();
  return label === '' || label === '<no value>' ? null : label;
}

/**
 * Makes sure `image` exists: an image pulled from a registry is used as it is; one assembled
 * here for an older key is assembled again; the root file system is cached as a tarball in
 * BASE_CACHE_DIR, so podman's storage may be wiped without another debootstrap.
 */
export async function ensureBaseImage(image: string): Promise<void> {
  const node = machineNode();
  const major = /^v(\d+)\./.exec(process.version)?.[1];
  if (!image.includes(`:${major}-`)) {
    throw new Error(`${image} is not Node ${major}, which is all this machine has to put in it`);
  }
  const key = baseKey(node.nodeBinary);
  const label = await labelOf(image);
  if (label === null) {
    console.log(`Using ${image} as it is (not assembled here: pulled from a registry)`);
    return;
  }
  if (label === key) {
    console.log(`Base image ${image} is cached (${key})`);
    return;
  }

  fs.mkdirSync(BASE_CACHE_DIR, { recursive: true });
  const tarball = path.join(BASE_CACHE_DIR, `${key}.tar`);
  // Bases for another node or an older way of assembling, and what a run cut short left.
  for (const entry of fs.readdirSync(BASE_CACHE_DIR)) {
    const stale = path.join(BASE_CACHE_DIR, entry);
    if (stale !== tarball) fs.rmSync(stale, { recursive: true, force: true });
  }
  if (!fs.existsSync(tarball)) await assembleRootFs(node, tarball);
  console.log(`Importing ${tarball} as ${image}`);
  await run('podman', [
    'import',
    '--change',
    `LABEL ${BASE_LABEL}=${key}`,
    '--change',
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    '--change',
    'CMD ["node"]',
    tarball,
    image,
  ]);
}

async function assembleRootFs(node: ReturnType<typeof machineNode>, tarball: string) {
  const dir = fs.mkdtempSync(path.join(BASE_CACHE_DIR, 'rootfs-'));
  try {
    const mirror = debianMirror();
    console.log(`Assembling the base: debootstrap bookworm from ${mirror}`);
    await run('debootstrap', ['--variant=minbase', 'bookworm', dir, mirror]);

    const local = path.join(dir, 'usr', 'local');
    fs.mkdirSync(path.join(local, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(local, 'lib', 'node_modules'), { recursive: true });
    fs.mkdirSync(path.join(local, 'include'), { recursive: true });
    fs.copyFileSync(node.nodeBinary, path.join(local, 'bin', 'node'));
    fs.chmodSync(path.join(local, 'bin', 'node'), 0o755);
    fs.cpSync(node.npmDir, path.join(local, 'lib', 'node_modules', 'npm'), { recursive: true });
    fs.cpSync(node.headers, path.join(local, 'include', 'node'), { recursive: true });
    for (const command of ['npm', 'npx']) {
      fs.symlinkSync(
        `../lib/node_modules/npm/bin/${command}-cli.js`,
        path.join(local, 'bin', command),
      );
    }
    // As the official images make it.
    await run('chroot', [dir, 'groupadd', '--gid', '1000', 'node']);
    await run('chroot', [
      dir,
      'useradd',
      '--uid',
      '1000',
      '--gid',
      'node',
      '--shell',
      '/bin/bash',
      '--create-home',
      'node',
    ]);
    // What debootstrap leaves behind and an image does not need.
    fs.rmSync(path.join(dir, 'var', 'cache', 'apt', 'archives'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'var', 'cache', 'apt', 'archives', 'partial'), {
      recursive: true,
    });

    const partial = `${tarball}.partial`;
    await run('tar', ['-C', dir, '--numeric-owner', '-cf', partial, '.']);
    fs.renameSync(partial, tarball);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
