import { Hono, type Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import {
  brandCreateSchema,
  brandListQuerySchema,
  brandPatchSchema,
  type Brand,
} from '../../shared/schemas/brand';
import { auditedCreate, auditedDelete, auditedUpdate, type AuditedTarget } from '../audit/audited';
import { deleteBrand, getBrand, insertBrand, listBrands, updateBrand } from '../db/queries/brands';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { todayIn } from '../../shared/days';
import { validate } from '../validate';

/** The day `days` before today in the workspace's time zone. */
async function daysAgo(db: AppDeps['db'], now: Date, days: number): Promise<string> {
  const { timeZone } = await getSettings(db, now);
  return Temporal.PlainDate.from(todayIn(now, timeZone)).subtract({ days }).toString();
}

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
      const { notContactedDays, ...filter } = c.req.valid('query');
      const notContactedSince =
        notContactedDays === undefined
          ? undefined
          : await daysAgo(db, clock.now(), notContactedDays);
      return c.json({ items: await listBrands(db, { ...filter, notContactedSince }) }, 200);
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
