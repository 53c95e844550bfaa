import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env';

/** Full JSON export and import, for moving between installs (being built). */
export function transferRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
