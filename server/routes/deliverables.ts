import { Hono, type Context } from 'hono';
import {
  calendarQuerySchema,
  deliverableCreateSchema,
  deliverableListQuerySchema,
  deliverableDuplicateSchema,
  deliverablePatchSchema,
  deliverableSeriesSchema,
  MAX_OCCURRENCES,
  type CalendarDeliverable,
  type Deliverable,
  calendarDeliverableSchema,
  deliverableSchema,
} from '../../shared/schemas/deliverable';
import { auditedCreate, auditedDelete, auditedUpdate, type AuditedTarget } from '../audit/audited';
import {
  deleteDeliverable,
  deliverableWarnings,
  getDeliverable,
  insertDeliverable,
  calendarDeliverableParts,
  listDeliverables,
  updateDeliverable,
  withWarnings,
} from '../db/queries/deliverables';
import { copyOf, seriesDeliverables } from '../db/queries/deliverables-series';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { JsonItemsBody, jsonItems } from '../json-bytes';
import { inTransaction } from '../db/transaction';
import { validate } from '../validate';
import { declare, list } from './declare';

const route = {
  list: declare({
    access: 'viewer',
    summary: 'Deliverables; with from/to, those whose publishAt or draftDueAt is in [from, to)',
    query: deliverableListQuerySchema,
    answers: { 200: list(deliverableSchema) },
  }),
  calendar: declare({
    access: 'viewer',
    summary: "The calendar's lean deliverables in [from, to)",
    query: calendarQuerySchema,
    answers: { 200: list(calendarDeliverableSchema) },
  }),
  create: declare({
    access: 'editor',
    summary: 'Create a deliverable (answers warnings)',
    body: deliverableCreateSchema,
    answers: { 201: deliverableSchema },
  }),
  series: declare({
    access: 'editor',
    summary: `Create a deliverable and its repeats (every N days or weeks, N times or until a day; at most ${MAX_OCCURRENCES}), each a deliverable of its own, all or none`,
    body: deliverableSeriesSchema,
    answers: { 201: list(deliverableSchema) },
  }),
  duplicate: declare({
    access: 'editor',
    summary:
      'Copy a deliverable to another go-live (and deal): the work, not its progress; the draft keeps its distance',
    body: deliverableDuplicateSchema,
    answers: { 201: deliverableSchema },
  }),
  one: declare({
    access: 'viewer',
    summary: 'One deliverable',
    answers: { 200: deliverableSchema },
  }),
  update: declare({
    access: 'editor',
    summary: 'Change a deliverable (with its version; 409 when stale)',
    body: deliverablePatchSchema,
    answers: { 200: deliverableSchema },
    errors: [409],
  }),
  remove: declare({ access: 'editor', summary: 'Delete a deliverable', answers: { 204: null } }),
};

export function deliverableRoutes({ db, clock }: AppDeps) {
  const target = (c: Context<AppEnv>): AuditedTarget<Deliverable> => ({
    c,
    db,
    now: clock.now(),
    entityType: 'deliverable',
    summary: (deliverable) => `Deliverable "${deliverable.title}"`,
  });
  return new Hono<AppEnv>()
    .get('/', route.list, validate('query', deliverableListQuerySchema), async (c) => {
      const items = await listDeliverables(db, c.req.valid('query'));
      // A month of the calendar is megabytes of JSON: encoded to bytes item by item.
      return jsonItems(c, await withWarnings(db, items, clock.now()), 200);
    })
    .get('/calendar', route.calendar, validate('query', calendarQuerySchema), async (c) => {
      const now = clock.now();
      // A month is tens of milliseconds of work: done in steps, letting waiting requests go between.
      const body = new JsonItemsBody<CalendarDeliverable>();
      for await (const part of calendarDeliverableParts(db, c.req.valid('query'))) {
        body.add(await withWarnings(db, part, now));
        await c.env?.turn?.giveWay();
      }
      return body.respond(c, 200);
    })
    .post('/', route.create, validate('json', deliverableCreateSchema), async (c) => {
      const t = target(c);
      const deliverable = await auditedCreate(t, (trx) =>
        insertDeliverable(trx, c.req.valid('json'), t.now),
      );
      return c.json(
        { ...deliverable, warnings: await deliverableWarnings(db, deliverable, t.now) },
        201,
      );
    })
    .post('/series', route.series, validate('json', deliverableSeriesSchema), async (c) => {
      const t = target(c);
      const input = c.req.valid('json');
      const timeZone = input.timeZone ?? (await getSettings(db, t.now)).timeZone;
      const occurrences = seriesDeliverables(input, timeZone);
      const created = await inTransaction(db, async (trx) => {
        const made: Deliverable[] = [];
        for (const occurrence of occurrences) {
          made.push(
            await auditedCreate({ ...t, db: trx }, (inner) =>
              insertDeliverable(inner, occurrence, t.now),
            ),
          );
        }
        return made;
      });
      return c.json({ items: await withWarnings(db, created, t.now) }, 201);
    })
    .post(
      '/:id/duplicate',
      route.duplicate,
      validate('json', deliverableDuplicateSchema),
      async (c) => {
        const t = target(c);
        const { publishAt, dealId } = c.req.valid('json');
        const source = await getDeliverable(db, c.req.param('id'));
        const deliverable = await auditedCreate(t, (trx) =>
          insertDeliverable(trx, copyOf(source, publishAt, dealId ?? source.dealId), t.now),
        );
        return c.json(
          { ...deliverable, warnings: await deliverableWarnings(db, deliverable, t.now) },
          201,
        );
      },
    )
    .get('/:id', route.one, async (c) => {
      const deliverable = await getDeliverable(db, c.req.param('id'));
      // Its own fresh object: the warnings are added to it in place, not to a copy of a copy.
      const [withThem] = await withWarnings(db, [deliverable], clock.now());
      return c.json(withThem!, 200);
    })
    .patch('/:id', route.update, validate('json', deliverablePatchSchema), async (c) => {
      const t = target(c);
      const id = c.req.param('id');
      const deliverable = await auditedUpdate(
        t,
        (trx) => getDeliverable(trx, id),
        (trx, before) => updateDeliverable(trx, id, c.req.valid('json'), t.now, before),
      );
      return c.json(
        { ...deliverable, warnings: await deliverableWarnings(db, deliverable, t.now) },
        200,
      );
    })
    .delete('/:id', route.remove, async (c) => {
      const id = c.req.param('id');
      await auditedDelete(
        target(c),
        (trx) => getDeliverable(trx, id),
        (trx) => deleteDeliverable(trx, id),
      );
      return c.body(null, 204);
    });
}
