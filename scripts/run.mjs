// @ts-check
/**
 * `npm start` and the operator's commands: `node scripts/run.mjs <command> [args…]` builds what
 * is older than its sources (scripts/build.mjs), then runs the built server (`start`) or
 * the built command dist/server/cli/<command>.js in this process.
 *
 * Plain JavaScript, not TypeScript: plain `node` (20) runs it, with no tsx, in an install
 * that holds only the built files and the production dependencies.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStale, ROOT, SERVER, SERVER_OUT, WEB } from './build.mjs';

const [command = 'start', ...args] = process.argv.slice(2);
const entry =
  command === 'start'
    ? SERVER.output
    : path.join(SERVER_OUT, 'cli', `${path.basename(command)}.js`);

if (isStale(WEB) || isStale(SERVER)) {
  // In its own process: the builders' memory and esbuild's helper process end with it.
  const script = path.join(ROOT, 'scripts', 'build.mjs');
  const build = spawnSync(process.execPath, [script, '--if-stale'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!fs.existsSync(entry)) {
  const commands = fs.existsSync(path.join(SERVER_OUT, 'cli'))
    ? fs.readdirSync(path.join(SERVER_OUT, 'cli')).filter((f) => f.endsWith('.js'))
    : [];
  console.error(
    fs.existsSync(SERVER.output)
      ? `No command "${command}"; there are: start, ${commands.map((f) => f.slice(0, -3)).join(', ')}`
      : `No built server at ${path.relative(ROOT, SERVER.output)}: run \`npm run build\`.`,
  );
  process.exit(2);
}
// As `node --enable-source-maps <entry> args…` would: stack traces name the .ts lines, and
// the command reads its arguments from process.argv[2] on.
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0] ?? process.execPath, entry, ...args];
await import(pathToFileURL(entry).href);
