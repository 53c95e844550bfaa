import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env';

/** CSV import of deals and deliverables (being built). */
export function importRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
