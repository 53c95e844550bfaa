import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env';

/**
 * Serves the built web app from `webRoot`: hashed assets cached for a year,
 * and every other non-API path answered with `index.html` (client routing).
 */
export function mountWebApp(app: Hono<AppEnv>, webRoot: string): void {
  const indexFile = path.join(webRoot, 'index.html');
  const root = path.relative(process.cwd(), webRoot) || '.';
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    return serveStatic<AppEnv>({ root })(c, next);
  });
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || !fs.existsSync(indexFile)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(await fs.promises.readFile(indexFile, 'utf8'));
  });
}
