import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the server is started from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');
export const WEB_ROOT_DEFAULT = WEB_DIST;
