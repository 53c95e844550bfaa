import { Hono } from 'hono';
import { searchQuerySchema, searchResultSchema } from '../../shared/schemas/search';
import { searchWorkspace } from '../db/queries/search';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';
import { declare, list } from './declare';

const route = {
  search: declare({
    access: 'viewer',
    summary:
      'Search brands, deals, invoices (by number) and deliverables (title, caption, brief): every word as a prefix, title matches first',
    query: searchQuerySchema,
    answers: { 200: list(searchResultSchema) },
  }),
};

export function searchRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get(
    '/',
    route.search,
    validate('query', searchQuerySchema),
    async (c) => c.json({ items: await searchWorkspace(db, c.req.valid('query')) }, 200),
  );
}
