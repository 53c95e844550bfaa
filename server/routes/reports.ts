import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { todayIn } from '../../shared/days';
import {
  metricSnapshotCreateSchema,
  metricSnapshotSchema,
  REPORT_LINK_DEFAULT_DAYS,
  reportLinkCreateSchema,
  reportLinkCreatedSchema,
  reportLinkSchema,
  reportViewSchema,
  testimonialBodySchema,
  testimonialListQuerySchema,
  testimonialPatchSchema,
  testimonialReceivedSchema,
  testimonialSchema,
  type ReportLink,
  type ReportLinkCreated,
  type Testimonial,
  type TestimonialReceived,
} from '../../shared/schemas/report';
import { auditedCreate, auditedUpdate } from '../audit/audited';
import { auditActor, recordAudit } from '../audit/record';
import { currentUser } from '../auth/session';
import { createToken, hashToken } from '../auth/tokens';
import { getDeal } from '../db/queries/deals';
import { getDeliverable } from '../db/queries/deliverables';
import { listMetricSnapshots, recordMetricSnapshot } from '../db/queries/metric-snapshots';
import {
  activeReportLinkOfToken,
  getReportLink,
  getTestimonial,
  insertReportLink,
  insertTestimonial,
  listReportLinks,
  listTestimonials,
  revokeReportLink,
  setTestimonialFeatured,
  type ReportLinkRow,
} from '../db/queries/report-links';
import { getSettings } from '../db/queries/settings';
import { inTransaction } from '../db/transaction';
import type { AppDeps, AppEnv } from '../env';
import { AppError, invalidField } from '../errors';
import { newId } from '../ids';
import { buildReport } from '../reports/build';
import { renderReportPdf } from '../reports/pdf';
import { validate } from '../validate';
import { declare, file, list } from './declare';
import { pdfDownload } from './downloads';
import { openPublicLink, type PublicLinkOptions, type UseLimit } from './public-link';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Per link and hour: a brand's team opening, forwarding and printing it is far below these. */
const VIEW_LIMIT = { max: 120, windowMs: HOUR_MS };
const PDF_LIMIT = { max: 30, windowMs: HOUR_MS };
const TESTIMONIAL_LIMIT = { max: 5, windowMs: HOUR_MS };
const TESTIMONIAL_BODY_BYTES = 8 * 1024;
const TOO_MANY = 'Too many requests for this report just now. Please try again later.';

/** One answer for every token that opens nothing: unknown, malformed, expired, revoked, or its deal deleted. */
const unknownLink = () => new AppError(404, 'not_found', 'This report link is not active.');

const route = {
  listMetrics: declare({
    access: 'viewer',
    summary: "A deliverable's metric snapshots, oldest day first",
    answers: { 200: list(metricSnapshotSchema) },
  }),
  addMetrics: declare({
    access: 'editor',
    summary:
      "Record a published deliverable's metrics as measured on a day (the same day again corrects it); its `metrics` become the latest",
    body: metricSnapshotCreateSchema,
    answers: { 201: metricSnapshotSchema },
    errors: [409],
  }),
  listLinks: declare({
    access: 'viewer',
    summary: "A deal's report links, newest first",
    answers: { 200: list(reportLinkSchema) },
  }),
  createLink: declare({
    access: 'editor',
    summary: "Share the deal's campaign report on a public link (the token is only in this answer)",
    body: reportLinkCreateSchema,
    answers: { 201: reportLinkCreatedSchema },
  }),
  revokeLink: declare({
    access: 'editor',
    summary: 'Revoke a report link: it then opens nothing',
    answers: { 200: reportLinkSchema },
    errors: [409],
  }),
  listTestimonials: declare({
    access: 'viewer',
    summary: 'Testimonials brands left on reports, newest first',
    query: testimonialListQuerySchema,
    answers: { 200: list(testimonialSchema) },
  }),
  featureTestimonial: declare({
    access: 'owner',
    summary:
      'Feature a testimonial on the media kit (only when the brand allowed it) or take it off',
    body: testimonialPatchSchema,
    answers: { 200: testimonialSchema },
    errors: [409],
  }),
  view: declare({
    access: 'public',
    summary: "Public: the deal's campaign report its link shows",
    answers: { 200: reportViewSchema },
    errors: [429],
  }),
  pdf: declare({
    access: 'public',
    summary: 'Public: the campaign report as a PDF',
    answers: { 200: file('application/pdf') },
    errors: [429],
  }),
  testimonial: declare({
    access: 'public',
    summary: 'Public: the brand leaves a testimonial, saying whether it may be published',
    body: testimonialBodySchema,
    answers: { 201: testimonialReceivedSchema },
    errors: [413, 429],
  }),
};

/** `/api/deliverables/:id/metrics`. */
export function deliverableMetricRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:id/metrics', route.listMetrics, async (c) => {
      const id = c.req.param('id');
      await getDeliverable(db, id);
      return c.json({ items: await listMetricSnapshots(db, id) }, 200);
    })
    .post(
      '/:id/metrics',
      route.addMetrics,
      validate('json', metricSnapshotCreateSchema),
      async (c) => {
        const input = c.req.valid('json');
        const now = clock.now();
        const id = c.req.param('id');
        const { timeZone } = await getSettings(db, now);
        if (input.measuredOn > todayIn(now, timeZone)) {
          throw invalidField('measuredOn', 'Must not be in the future');
        }
        const snapshot = await inTransaction(db, async (trx) => {
          const deliverable = await getDeliverable(trx, id);
          if (deliverable.status !== 'published') {
            throw new AppError(
              409,
              'conflict',
              'Metrics are recorded once the deliverable is published: set its status to Published first.',
            );
          }
          const recorded = await recordMetricSnapshot(trx, id, input, currentUser(c).id, now);
          await recordAudit(
            trx,
            auditActor(c),
            {
              action: 'update',
              entityType: 'deliverable',
              entityId: id,
              summary: `Metrics of deliverable "${deliverable.title}" as of ${input.measuredOn}`,
              before: { metrics: deliverable.metrics },
              after: { metrics: (await getDeliverable(trx, id)).metrics },
            },
            now,
          );
          return recorded;
        });
        return c.json(snapshot, 201);
      },
    );
}

/** `/api/deals/:id/report-links`: the team's side. */
export function dealReportRoutes({ db, clock, config }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:id/report-links', route.listLinks, async (c) => {
      const now = clock.now();
      const dealId = c.req.param('id');
      await getDeal(db, dealId, now);
      return c.json({ items: await listReportLinks(db, dealId, now) }, 200);
    })
    .post(
      '/:id/report-links',
      route.createLink,
      validate('json', reportLinkCreateSchema),
      async (c) => {
        const input = c.req.valid('json');
        const now = clock.now();
        const dealId = c.req.param('id');
        const token = createToken();
        let title = '';
        const link = await auditedCreate<ReportLink>(
          {
            c,
            db,
            now,
            entityType: 'report_link',
            summary: () => `Campaign report of deal "${title}" shared`,
          },
          async (trx) => {
            title = (await getDeal(trx, dealId, now)).title;
            const days = input.expiresInDays ?? REPORT_LINK_DEFAULT_DAYS;
            return insertReportLink(
              trx,
              {
                id: newId(),
                dealId,
                tokenHash: hashToken(token),
                summary: input.summary,
                expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
                createdBy: currentUser(c).id,
              },
              now,
            );
          },
        );
        const created: ReportLinkCreated = {
          ...link,
          token,
          url: `${config.APP_URL.replace(/\/+$/, '')}/report/${token}`,
        };
        return c.json(created, 201);
      },
    )
    .post('/:id/report-links/:linkId/revoke', route.revokeLink, async (c) => {
      const now = clock.now();
      const dealId = c.req.param('id');
      const linkId = c.req.param('linkId');
      let title = '';
      const after = await auditedUpdate<ReportLink>(
        {
          c,
          db,
          now,
          entityType: 'report_link',
          summary: () => `Campaign report link of deal "${title}" revoked`,
        },
        async (trx) => {
          title = (await getDeal(trx, dealId, now)).title;
          return getReportLink(trx, dealId, linkId, now);
        },
        async (trx) => {
          if (!(await revokeReportLink(trx, linkId, now))) {
            throw new AppError(409, 'conflict', 'This report link was already revoked.');
          }
          return getReportLink(trx, dealId, linkId, now);
        },
      );
      return c.json(after, 200);
    });
}

/** `/api/testimonials`: what brands said; the owner decides what the kit shows. */
export function testimonialRoutes({ db, clock }: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', route.listTestimonials, validate('query', testimonialListQuerySchema), async (c) => {
      const filter = c.req.valid('query');
      return c.json({ items: await listTestimonials(db, filter) }, 200);
    })
    .patch(
      '/:id',
      route.featureTestimonial,
      validate('json', testimonialPatchSchema),
      async (c) => {
        const { featured } = c.req.valid('json');
        const now = clock.now();
        const id = c.req.param('id');
        const after = await auditedUpdate<Testimonial>(
          {
            c,
            db,
            now,
            entityType: 'testimonial',
            summary: (t) =>
              `Testimonial of ${t.brandName} (${t.name}) ${t.featured ? 'featured on' : 'taken off'} the media kit`,
          },
          (trx) => getTestimonial(trx, id),
          async (trx, before) => {
            if (featured && !before.mayPublish) {
              throw new AppError(
                409,
                'conflict',
                'The brand did not allow this testimonial to be published: it cannot be featured.',
              );
            }
            await setTestimonialFeatured(trx, id, featured, now);
            return getTestimonial(trx, id);
          },
        );
        return c.json(after, 200);
      },
    );
}

/**
 * The brand's side, without an account: the report behind a token, its PDF,
 * and a testimonial. Mounted under `/api/report-links`; the token is the credential.
 */
export function reportLinkRoutes({ db, clock }: AppDeps) {
  /** The live link behind the token, its use counted as `report-<kind>` against `limit`. */
  const reportLink = (
    token: string,
    now: Date,
    kind: string,
    limit: UseLimit,
  ): PublicLinkOptions<ReportLinkRow> => ({
    find: (trx) => activeReportLinkOfToken(trx, token, now),
    unknown: unknownLink,
    key: (link) => `report-${kind}:${link.tokenHash}`,
    limit: { ...limit, message: TOO_MANY },
  });
  /** The report behind the token, counting the use against `limit`. */
  const open = (c: Context<AppEnv>, limit: UseLimit, kind: string) => {
    const now = clock.now();
    const token = c.req.param('token') ?? '';
    return openPublicLink(db, now, reportLink(token, now, kind, limit), async (trx, link) => {
      const settings = await getSettings(trx, now);
      return buildReport(trx, link, { workspaceName: settings.name, timeZone: settings.timeZone });
    });
  };
  return new Hono<AppEnv>()
    .get('/:token', route.view, async (c) => {
      const view = await open(c, VIEW_LIMIT, 'view');
      c.header('Cache-Control', 'no-store');
      return c.json(view, 200);
    })
    .get('/:token/pdf', route.pdf, async (c) => {
      const view = await open(c, PDF_LIMIT, 'pdf');
      return pdfDownload(c, await renderReportPdf(view), 'campaign-report.pdf');
    })
    .post(
      '/:token/testimonial',
      route.testimonial,
      bodyLimit({
        maxSize: TESTIMONIAL_BODY_BYTES,
        onError: (c) =>
          c.json(
            {
              error: { code: 'payload_too_large', message: 'The testimonial is larger than 8 KB.' },
            },
            413,
          ),
      }),
      validate('json', testimonialBodySchema),
      async (c) => {
        const input = c.req.valid('json');
        const now = clock.now();
        const token = c.req.param('token');
        // Counted on its own: a testimonial refused later still counts against the link.
        const link = await openPublicLink(
          db,
          now,
          reportLink(token, now, 'testimonial', TESTIMONIAL_LIMIT),
        );
        const id = newId();
        await inTransaction(db, async (trx) => {
          await insertTestimonial(
            trx,
            {
              id,
              dealId: link.dealId,
              reportLinkId: link.id,
              quote: input.quote,
              name: input.name,
              title: input.title,
              mayPublish: input.mayPublish,
            },
            now,
          );
          await recordAudit(
            trx,
            { id: null, name: input.name, via: 'public' },
            {
              action: 'create',
              entityType: 'testimonial',
              entityId: id,
              summary: `Testimonial from ${input.name} on a campaign report${input.mayPublish ? ' (may be published)' : ''}`,
              after: {
                dealId: link.dealId,
                name: input.name,
                title: input.title,
                mayPublish: input.mayPublish,
              },
            },
            now,
          );
        });
        const received: TestimonialReceived = { id, createdAt: now.toISOString() };
        return c.json(received, 201);
      },
    );
}
