import { Hono, type Context } from 'hono';
import {
  brandCreateSchema,
  brandListQuerySchema,
  brandPatchSchema,
  type Brand,
} from '../../shared/schemas/brand';
import { auditedCreate, auditedDelete, auditedUpdate, type AuditedTarget } from '../audit/audited';
import { deleteBrand, getBrand, insertBrand, listBrands, updateBrand } from '../db/queries/brands';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';

export function brandRoutes({ db, clock }: AppDeps) {
  const target = (c: Context<AppEnv>): AuditedTarget<Brand> => ({
    c,
    db,
    now: clock.now(),
    entityType: 'brand',
    summary: (brand) => `Brand "${brand.name}"`,
  });
  return new Hono<AppEnv>()
    .get('/', validate('query', brandListQuerySchema), async (c) => {
      return c.json({ items: await listBrands(db, c.req.valid('query')) }, 200);
    })
    .post('/', validate('json', brandCreateSchema), async (c) => {
      const t = target(c);
      return c.json(
        await auditedCreate(t, (trx) => insertBrand(trx, c.req.valid('json'), t.now)),
        201,
      );
    })
    .get('/:id', async (c) => {
      return c.json(await getBrand(db, c.req.param('id')), 200);
    })
    .patch('/:id', validate('json', brandPatchSchema), async (c) => {
      const t = target(c);
      const id = c.req.param('id');
      const brand = await auditedUpdate(
        t,
        (trx) => getBrand(trx, id),
        (trx) => updateBrand(trx, id, c.req.valid('json'), t.now),
      );
      return c.json(brand, 200);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await auditedDelete(
        target(c),
        (trx) => getBrand(trx, id),
        (trx) => deleteBrand(trx, id),
      );
      return c.body(null, 204);
    });
}
