import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from '../env';

export function healthRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    try {
      await sql`select 1`.execute(db);
    } catch {
      return c.json({ status: 'error' as const, database: 'unreachable' }, 503);
    }
    return c.json({ status: 'ok' as const }, 200);
  });
}
