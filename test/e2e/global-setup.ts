import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfStale } from '../../scripts/build.mjs';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromePath: string;
    webRoot: string;
  }
}

/**
 * Finds Chromium, builds the server when its sources changed and the real web app once for
 * every browser test (into a temp directory: web/dist stays as the developer left it).
 */
export default async function setup(project: TestProject) {
  const chromePath = findChromium();
  // A failed build throws here and stops the run.
  await buildIfStale({ web: false });
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-web-'));
  const build = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      webRoot,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('vite build failed; see the output above.');
  project.provide('chromePath', chromePath);
  project.provide('webRoot', webRoot);
  return () => fs.rmSync(webRoot, { recursive: true, force: true });
}
