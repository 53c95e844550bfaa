import { Hono } from 'hono';
import { brandCreateSchema, brandListQuerySchema, brandPatchSchema } from '../../shared/schemas/brand';
import { deleteBrand, getBrand, insertBrand, listBrands, updateBrand } from '../db/queries/brands';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

export function brandRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validate('query', brandListQuerySchema), async (c) => {
      return c.json({ items: await listBrands(db, c.req.valid('query')) }, 200);
    })
    .post('/', validate('json', brandCreateSchema), async (c) => {
      return c.json(await insertBrand(db, c.req.valid('json'), clock.now()), 201);
    })
    .get('/:id', async (c) => {
      return c.json(await getBrand(db, c.req.param('id')), 200);
    })
    .patch('/:id', validate('json', brandPatchSchema), async (c) => {
      return c.json(await updateBrand(db, c.req.param('id'), c.req.valid('json'), clock.now()), 200);
    })
    .delete('/:id', async (c) => {
      await deleteBrand(db, c.req.param('id'));
      return c.body(null, 204);
    });
}
