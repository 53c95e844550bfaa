import { Hono, type Context } from 'hono';
import {
  mediaKitPatchSchema,
  type MediaKit,
  caseStudySchema,
  mediaKitSchema,
} from '../../shared/schemas/kit';
import { auditedUpdate } from '../audit/audited';
import {
  getKitTimeZone,
  getMediaKit,
  getPublishedMediaKit,
  listCaseStudyCandidates,
  updateMediaKit,
} from '../db/queries/kit';
import type { AppDeps, AppEnv } from '../env';
import { listFeaturedTestimonials } from '../db/queries/report-links';
import { renderKitPage, renderMissingKitPage } from '../kit/page';
import { validate } from '../validate';
import { declare, list } from './declare';

/** The audit trail names the singleton kit by a fixed id. */
const KIT_ENTITY_ID = 'media-kit';

/** `/api/kit`: the owner edits the media kit; the team may read it. */
const route = {
  kit: declare({ access: 'viewer', summary: 'The media kit', answers: { 200: mediaKitSchema } }),
  update: declare({
    access: 'owner',
    summary: 'Change the media kit (with its version)',
    body: mediaKitPatchSchema,
    answers: { 200: mediaKitSchema },
    errors: [409],
  }),
  caseStudies: declare({
    access: 'viewer',
    summary: 'Deliverables the kit may show as case studies',
    answers: { 200: list(caseStudySchema) },
  }),
};

export function kitRoutes({ db, clock, config }: AppDeps) {
  const options = () => ({ appUrl: config.APP_URL, now: clock.now() });
  const audited = (kit: MediaKit) => ({ id: KIT_ENTITY_ID, ...kit });
  return new Hono<AppEnv>()
    .get('/', route.kit, async (c) => c.json(await getMediaKit(db, options()), 200))
    .patch('/', route.update, validate('json', mediaKitPatchSchema), async (c) => {
      const opts = options();
      const saved = await auditedUpdate(
        { c, db, now: opts.now, entityType: 'media_kit', summary: () => 'Media kit' },
        async (trx) => audited(await getMediaKit(trx, opts)),
        async (trx, before) =>
          audited(await updateMediaKit(trx, c.req.valid('json'), opts, before)),
      );
      const { id: _id, ...kit } = saved;
      return c.json(kit, 200);
    })
    .get('/case-studies', route.caseStudies, async (c) =>
      c.json({ items: await listCaseStudyCandidates(db) }, 200),
    );
}

function noStore(c: Context<AppEnv>) {
  // The owner can unpublish at any time: no copy may outlive that.
  c.header('Cache-Control', 'no-store');
}

/**
 * `/kit/:slug`: the published media kit as a public, server-rendered page.
 * Outside `/api`, so no sign-in is asked for; an unknown address and an
 * unpublished kit both answer the same 404 page.
 */
export function kitPageRoutes({ db, clock, config }: AppDeps) {
  return new Hono<AppEnv>().get('/:slug', async (c) => {
    noStore(c);
    const kit = await getPublishedMediaKit(db, c.req.param('slug'), {
      appUrl: config.APP_URL,
      now: clock.now(),
    });
    if (!kit) return c.html(renderMissingKitPage(), 404);
    const testimonials = await listFeaturedTestimonials(db);
    return c.html(renderKitPage(kit, { timeZone: await getKitTimeZone(db), testimonials }), 200);
  });
}
