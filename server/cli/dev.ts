import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../paths';

/** `npm run dev`: the API with reload on change, and Vite's dev server proxying /api to it. */
const bin = (name: string) => path.join(REPO_ROOT, 'node_modules', '.bin', name);
const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'server/index.ts'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, WEB_ROOT: path.join(REPO_ROOT, 'web', '.no-static') },
  }),
  spawn(bin('vite'), [], { cwd: REPO_ROOT, stdio: 'inherit' }),
];
console.log(
  'Open http://localhost:5173 (Vite, with reload); the API runs on http://localhost:8787.',
);
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && stop());
