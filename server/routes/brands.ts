import { Hono, type Context } from 'hono';
import { Temporal } from 'temporal-polyfill';
import {
  brandCreateSchema,
  brandListQuerySchema,
  brandPatchSchema,
  type Brand,
  brandDealValueSchema,
  brandSchema,
} from '../../shared/schemas/brand';
import { auditedCreate, auditedDelete, auditedUpdate, type AuditedTarget } from '../audit/audited';
import { deleteBrand, getBrand, insertBrand, listBrands, updateBrand } from '../db/queries/brands';
import { listBrandDealValues } from '../db/queries/brand-deal-values';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { todayIn } from '../../shared/days';
import { validate } from '../validate';
import { declare, list } from './declare';

/** The day `days` before today in the workspace's time zone. */
async function daysAgo(db: AppDeps['db'], now: Date, days: number): Promise<string> {
  const { timeZone } = await getSettings(db, now);
  return Temporal.PlainDate.from(todayIn(now, timeZone)).subtract({ days }).toString();
}

const route = {
  list: declare({
    access: 'viewer',
    summary: 'Brands with their contacts',
    query: brandListQuerySchema,
    answers: { 200: list(brandSchema) },
  }),
  create: declare({
    access: 'editor',
    summary: 'Create a brand',
    body: brandCreateSchema,
    answers: { 201: brandSchema },
    errors: [409],
  }),
  dealValues: declare({
    access: 'viewer',
    summary: "The fees of each brand's open deals (not completed or cancelled), per currency",
    answers: { 200: list(brandDealValueSchema) },
  }),
  one: declare({ access: 'viewer', summary: 'One brand', answers: { 200: brandSchema } }),
  update: declare({
    access: 'editor',
    summary: 'Change a brand (with its version)',
    body: brandPatchSchema,
    answers: { 200: brandSchema },
    errors: [409],
  }),
  remove: declare({
    access: 'editor',
    summary: 'Delete a brand',
    answers: { 204: null },
    errors: [409],
  }),
};

export function brandRoutes({ db, clock }: AppDeps) {
  const target = (c: Context<AppEnv>): AuditedTarget<Brand> => ({
    c,
    db,
    now: clock.now(),
    entityType: 'brand',
    summary: (brand) => `Brand "${brand.name}"`,
  });
  return (
    new Hono<AppEnv>()
      .get('/', route.list, validate('query', brandListQuerySchema), async (c) => {
        const { notContactedDays, ...filter } = c.req.valid('query');
        const notContactedSince =
          notContactedDays === undefined
            ? undefined
            : await daysAgo(db, clock.now(), notContactedDays);
        return c.json({ items: await listBrands(db, { ...filter, notContactedSince }) }, 200);
      })
      .post('/', route.create, validate('json', brandCreateSchema), async (c) => {
        const t = target(c);
        return c.json(
          await auditedCreate(t, (trx) => insertBrand(trx, c.req.valid('json'), t.now)),
          201,
        );
      })
      // Before `/:id`, which would otherwise take `deal-values` for a brand's id.
      .get('/deal-values', route.dealValues, async (c) =>
        c.json({ items: await listBrandDealValues(db) }, 200),
      )
      .get('/:id', route.one, async (c) => {
        return c.json(await getBrand(db, c.req.param('id')), 200);
      })
      .patch('/:id', route.update, validate('json', brandPatchSchema), async (c) => {
        const t = target(c);
        const id = c.req.param('id');
        const brand = await auditedUpdate(
          t,
          (trx) => getBrand(trx, id),
          (trx) => updateBrand(trx, id, c.req.valid('json'), t.now),
        );
        return c.json(brand, 200);
      })
      .delete('/:id', route.remove, async (c) => {
        const id = c.req.param('id');
        await auditedDelete(
          target(c),
          (trx) => getBrand(trx, id),
          (trx) => deleteBrand(trx, id),
        );
        return c.body(null, 204);
      })
  );
}
