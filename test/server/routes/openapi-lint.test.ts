import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { trackApps } from '../helpers';

const apps = trackApps();
const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** The CLI's own script, run with this Node (no npx, no network). */
const REDOCLY = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const CONFIG = path.join(import.meta.dirname, 'redocly.yaml');

describe('the OpenAPI document', () => {
  it('passes `redocly lint` (recommended rules) with no errors', async () => {
    const t = await apps.app();
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sponsorcal-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, res.text);
      const lint = await run(
        process.execPath,
        [REDOCLY, 'lint', '--config', CONFIG, '--format', 'json', file],
        {
          cwd: dir,
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
            CI: 'true',
          },
          maxBuffer: 64 * 1024 * 1024,
        },
      ).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
      const report = JSON.parse(String(lint.stdout)) as {
        totals: { errors: number };
        problems: Array<{ ruleId: string; severity: string; message: string; location: unknown }>;
      };
      const errors = report.problems.filter((p) => p.severity === 'error');
      expect(errors, String(lint.stderr ?? '')).toEqual([]);
      expect(report.totals.errors).toBe(0);
      expect('code' in lint ? lint.code : 0).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
