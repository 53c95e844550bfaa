import { Hono, type Context } from 'hono';
import {
  noteCreateSchema,
  noteSchema,
  timelinePageSchema,
  timelineQuerySchema,
  type Note,
} from '../../shared/schemas/timeline';
import { auditedCreate, auditedDelete } from '../audit/audited';
import { getBrand } from '../db/queries/brands';
import { deleteNote, getNote, insertNote } from '../db/queries/brand-notes';
import { getSettings } from '../db/queries/settings';
import type { AppDeps, AppEnv } from '../env';
import { readBrandTimeline } from '../timeline/read-timeline';
import { validate } from '../validate';
import { declare } from './declare';

/**
 * A brand's timeline under `/api/brands/:id/timeline`: every touch with the
 * brand, read from the records that hold them (server/timeline/sources), and
 * the manual notes the team adds to it.
 */
const route = {
  timeline: declare({
    access: 'viewer',
    summary:
      "A brand's timeline, newest first: pitches, notes, requests, deals and status changes, proposals and answers, review links and decisions, invoices, reminders and payments",
    query: timelineQuerySchema,
    answers: { 200: timelinePageSchema },
  }),
  addNote: declare({
    access: 'editor',
    summary: "Add a note to a brand's timeline (a day, a channel and what happened)",
    body: noteCreateSchema,
    answers: { 201: noteSchema },
  }),
  removeNote: declare({
    access: 'editor',
    summary: "Remove a note from a brand's timeline",
    answers: { 204: null },
  }),
};

export function brandTimelineRoutes({ db, clock }: AppDeps) {
  const noteTarget = (c: Context<AppEnv>, brandName: string) => ({
    c,
    db,
    now: clock.now(),
    entityType: 'brand_note' as const,
    summary: (note: Note) => `Note on "${brandName}" (${note.channel}, ${note.happenedOn})`,
  });
  return new Hono<AppEnv>()
    .get('/:id/timeline', route.timeline, validate('query', timelineQuerySchema), async (c) => {
      const query = c.req.valid('query');
      return c.json(await readBrandTimeline(db, c.req.param('id'), query), 200);
    })
    .post('/:id/notes', route.addNote, validate('json', noteCreateSchema), async (c) => {
      const brandId = c.req.param('id');
      const brand = await getBrand(db, brandId);
      const t = noteTarget(c, brand.name);
      const { timeZone } = await getSettings(db, t.now);
      const note = await auditedCreate(t, (trx) =>
        insertNote(trx, brandId, c.req.valid('json'), c.get('user')?.id ?? null, t.now, timeZone),
      );
      return c.json(note, 201);
    })
    .delete('/:id/notes/:noteId', route.removeNote, async (c) => {
      const brandId = c.req.param('id');
      const noteId = c.req.param('noteId');
      const brand = await getBrand(db, brandId);
      await auditedDelete(
        noteTarget(c, brand.name),
        (trx) => getNote(trx, brandId, noteId),
        (trx) => deleteNote(trx, brandId, noteId),
      );
      return c.body(null, 204);
    });
}
