import { Hono, type Context } from 'hono';
import { addDays } from '../../shared/days';
import { deliverableSchema, type Deliverable } from '../../shared/schemas/deliverable';
import {
  dealPackageSchema,
  packageApplySchema,
  packageInputSchema,
  packagePatchSchema,
  type DealPackage,
} from '../../shared/schemas/package';
import { auditedCreate, auditedDelete, auditedUpdate } from '../audit/audited';
import { getDeal, updateDeal } from '../db/queries/deals';
import { insertDeliverable, withWarnings } from '../db/queries/deliverables';
import {
  deletePackage,
  getPackage,
  insertPackage,
  listPackages,
  planPackage,
  updatePackage,
} from '../db/queries/packages';
import { getSettings } from '../db/queries/settings';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError, invalidField } from '../errors';
import { validate } from '../validate';
import { declare, list } from './declare';

/** Packages are workspace settings: everyone reads them, the owner writes them. */
const route = {
  list: declare({
    access: 'viewer',
    summary: 'Deal packages: reusable lists of deliverables with day offsets',
    answers: { 200: list(dealPackageSchema) },
  }),
  one: declare({
    access: 'viewer',
    summary: 'One deal package',
    answers: { 200: dealPackageSchema },
  }),
  create: declare({
    access: 'owner',
    summary: 'Create a deal package',
    body: packageInputSchema,
    answers: { 201: dealPackageSchema },
  }),
  update: declare({
    access: 'owner',
    summary: 'Replace a deal package (with its version; 409 when stale)',
    body: packagePatchSchema,
    answers: { 200: dealPackageSchema },
    errors: [409],
  }),
  remove: declare({ access: 'owner', summary: 'Delete a deal package', answers: { 204: null } }),
  apply: declare({
    access: 'editor',
    summary:
      "Create a package's deliverables in a deal from a start day, all or none; sets the deal's usage rights when the package has a period and the deal none",
    body: packageApplySchema,
    answers: { 201: list(deliverableSchema) },
  }),
};

export function packageRoutes({ db, clock }: AppDeps) {
  const target = (c: Context<AppEnv>) => ({
    c,
    db,
    now: clock.now(),
    entityType: 'deal_package' as const,
    summary: (pkg: DealPackage) => `Deal package "${pkg.name}"`,
  });
  return new Hono<AppEnv>()
    .get('/', route.list, async (c) => c.json({ items: await listPackages(db) }, 200))
    .post('/', route.create, validate('json', packageInputSchema), async (c) => {
      const t = target(c);
      const pkg = await auditedCreate(t, (trx) => insertPackage(trx, c.req.valid('json'), t.now));
      return c.json(pkg, 201);
    })
    .get('/:id', route.one, async (c) => c.json(await getPackage(db, c.req.param('id')), 200))
    .patch('/:id', route.update, validate('json', packagePatchSchema), async (c) => {
      const t = target(c);
      const id = c.req.param('id');
      const pkg = await auditedUpdate(
        t,
        (trx) => getPackage(trx, id),
        (trx) => updatePackage(trx, id, c.req.valid('json'), t.now),
      );
      return c.json(pkg, 200);
    })
    .delete('/:id', route.remove, async (c) => {
      const id = c.req.param('id');
      await auditedDelete(
        target(c),
        (trx) => getPackage(trx, id),
        (trx) => deletePackage(trx, id),
      );
      return c.body(null, 204);
    });
}

/** `POST /api/deals/:id/apply-package`, beside the deal routes. */
export function packageApplyRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>().post(
    '/:id/apply-package',
    route.apply,
    validate('json', packageApplySchema),
    async (c) => {
      const now = clock.now();
      const dealId = c.req.param('id');
      const { packageId, startDay, timeZone } = c.req.valid('json');
      const deal = await getDeal(db, dealId, now);
      const pkg = await getPackage(db, packageId).catch((error: unknown) => {
        throw error instanceof AppError && error.status === 404
          ? invalidField('packageId', 'No package with this id')
          : error;
      });
      const zone = timeZone ?? (await getSettings(db, now)).timeZone;
      const plan = planPackage(pkg, startDay, zone);
      const created = await inTransaction(db, async (trx) => {
        const made: Deliverable[] = [];
        const audit = {
          c,
          db: trx,
          now,
          entityType: 'deliverable' as const,
          summary: (d: Deliverable) => `Deliverable "${d.title}" (package "${pkg.name}")`,
        };
        for (const input of plan.deliverables) {
          made.push(
            await auditedCreate(audit, (inner) =>
              insertDeliverable(inner, { ...input, dealId }, now),
            ),
          );
        }
        if (pkg.usageRightsDays !== null && deal.usageRightsUntil === null) {
          await auditedUpdate(
            { c, db: trx, now, entityType: 'deal', summary: (d) => `Deal "${d.title}"` },
            async () => deal,
            (inner, before) =>
              updateDeal(
                inner,
                dealId,
                {
                  version: deal.version,
                  usageRightsUntil: addDays(plan.lastDay, pkg.usageRightsDays!),
                },
                now,
                before,
              ),
          );
        }
        return made;
      });
      return c.json({ items: await withWarnings(db, created, now) }, 201);
    },
  );
}
