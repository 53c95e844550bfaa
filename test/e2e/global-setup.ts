import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromePath: string;
    webRoot: string;
  }
}

/** Finds Chromium and builds the real web app once for every browser test. */
export default function setup(project: TestProject) {
  const chromePath = findChromium();
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
