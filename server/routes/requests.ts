import { Hono } from 'hono';
import {
  brandRequestDetailSchema,
  brandRequestSchema,
  requestAcceptSchema,
  requestAcceptedSchema,
  requestDeclineSchema,
  requestListQuerySchema,
  requestListSchema,
} from '../../shared/schemas/request';
import type { Deal } from '../../shared/schemas/deal';
import { auditedCreate } from '../audit/audited';
import { getDeal } from '../db/queries/deals';
import { getRequest, listRequests, suggestBrand } from '../db/queries/requests';
import type { AppDeps, AppEnv } from '../env';
import { acceptRequest, declineRequest, markRequestSpam } from '../requests/decide';
import { validate } from '../validate';
import { declare } from './declare';

const route = {
  list: declare({
    access: 'viewer',
    summary: 'Brand requests of one status (default new), with how many there are of each',
    query: requestListQuerySchema,
    answers: { 200: requestListSchema },
  }),
  one: declare({
    access: 'viewer',
    summary: 'One brand request, with the known brand it seems to come from',
    answers: { 200: brandRequestDetailSchema },
  }),
  accept: declare({
    access: 'editor',
    summary: 'Accept a request: its brand, a deal in negotiating and planned deliverables',
    body: requestAcceptSchema,
    answers: { 200: requestAcceptedSchema },
    errors: [409],
  }),
  decline: declare({
    access: 'editor',
    summary: 'Decline a request (kept), optionally replying from the template',
    body: requestDeclineSchema,
    answers: { 200: brandRequestSchema },
    errors: [409],
  }),
  spam: declare({
    access: 'editor',
    summary: 'Mark a request spam: hidden, and its sender blocked from the form',
    answers: { 200: brandRequestSchema },
    errors: [409],
  }),
};

/** `/api/requests`: the inbox of what brands sent through the "Work with me" form. */
export function requestRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return new Hono<AppEnv>()
    .get('/', route.list, validate('query', requestListQuerySchema), async (c) =>
      c.json(await listRequests(db, c.req.valid('query')), 200),
    )
    .get('/:id', route.one, async (c) => {
      const request = await getRequest(db, c.req.param('id'));
      return c.json({ ...request, suggestedBrand: await suggestBrand(db, request) }, 200);
    })
    .post('/:id/accept', route.accept, validate('json', requestAcceptSchema), async (c) => {
      const { brandId } = c.req.valid('json');
      const now = clock.now();
      const target = { c, db, now, entityType: 'deal' as const };
      // The trail records the deal the request became, with the brand it was filed under.
      const deal = await auditedCreate(
        { ...target, summary: (d: Deal) => `Deal "${d.title}" from a brand request` },
        async (trx) => {
          const made = await acceptRequest(
            trx,
            c.req.param('id'),
            { ...(brandId ? { brandId } : {}), userId: c.get('user')!.id },
            now,
          );
          return getDeal(trx, made.dealId, now);
        },
      );
      return c.json({ brandId: deal.brandId, dealId: deal.id }, 200);
    })
    .post('/:id/decline', route.decline, validate('json', requestDeclineSchema), async (c) => {
      const id = c.req.param('id');
      await declineRequest(deps, id, { ...c.req.valid('json'), userId: c.get('user')!.id });
      return c.json(await getRequest(db, id), 200);
    })
    .post('/:id/spam', route.spam, async (c) => {
      const id = c.req.param('id');
      await markRequestSpam(db, id, c.get('user')!.id, clock.now());
      return c.json(await getRequest(db, id), 200);
    });
}
