import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest directory at or above `from` that holds package.json. The server runs both
 * from its sources (server/) and bundled (dist/server/, dist/server/cli/), so its own
 * module's place says nothing fixed about the root.
 */
export function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json at or above ${from}`);
  }
}

/** The repository (or installed app's) root, wherever the server is started from. */
export const REPO_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');
export const WEB_ROOT_DEFAULT = WEB_DIST;
