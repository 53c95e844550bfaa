import { Hono, type Context } from 'hono';
import { pitchCreateSchema, type Brand, type Pitch, pitchSchema } from '../../shared/schemas/brand';
import { auditedCreate, auditedDelete, auditedUpdate } from '../audit/audited';
import { getBrand, updateBrand } from '../db/queries/brands';
import { deletePitch, getPitch, insertPitch, listPitches } from '../db/queries/pitches';
import type { AppDeps, AppEnv } from '../env';
import { validate } from '../validate';
import { declare, list } from './declare';

const CHANNEL_LABELS: Record<Pitch['channel'], string> = {
  email: 'e-mail',
  dm: 'DM',
  call: 'call',
  meeting: 'meeting',
  other: 'contact',
};

/**
 * A brand's pitch log, under `/api/brands/:id/pitches`. Logging the first
 * contact with a `prospect` moves it to `pitched`; the stage change is
 * audited as a brand update in the same transaction as the entry.
 */
const route = {
  list: declare({
    access: 'viewer',
    summary: "A brand's pitch log",
    answers: { 200: list(pitchSchema) },
  }),
  create: declare({
    access: 'editor',
    summary: 'Log a pitch (a prospect moves to pitched)',
    body: pitchCreateSchema,
    answers: { 201: pitchSchema },
  }),
  remove: declare({
    access: 'editor',
    summary: 'Remove an entry from the pitch log',
    answers: { 204: null },
  }),
};

export function pitchRoutes({ db, clock }: AppDeps) {
  const pitchTarget = (c: Context<AppEnv>, brandName: string) => ({
    c,
    db,
    now: clock.now(),
    entityType: 'pitch' as const,
    summary: (pitch: Pitch) =>
      `Pitch to "${brandName}" by ${CHANNEL_LABELS[pitch.channel]} on ${pitch.pitchedOn}`,
  });
  return new Hono<AppEnv>()
    .get('/:id/pitches', route.list, async (c) => {
      return c.json({ items: await listPitches(db, c.req.param('id')) }, 200);
    })
    .post('/:id/pitches', route.create, validate('json', pitchCreateSchema), async (c) => {
      const brandId = c.req.param('id');
      const input = c.req.valid('json');
      const brand = await getBrand(db, brandId);
      const t = pitchTarget(c, brand.name);
      const pitch = await auditedCreate(t, async (trx) => {
        const current = await getBrand(trx, brandId);
        if (current.stage === 'prospect') {
          await auditedUpdate<Brand>(
            {
              c,
              db: trx,
              now: t.now,
              entityType: 'brand',
              summary: (b) => `Brand "${b.name}"`,
            },
            async () => current,
            (inner) =>
              updateBrand(inner, brandId, { version: current.version, stage: 'pitched' }, t.now),
          );
        }
        return insertPitch(trx, brandId, input, c.get('user')?.id ?? null, t.now);
      });
      return c.json(pitch, 201);
    })
    .delete('/:id/pitches/:pitchId', route.remove, async (c) => {
      const brandId = c.req.param('id');
      const pitchId = c.req.param('pitchId');
      const brand = await getBrand(db, brandId);
      await auditedDelete(
        pitchTarget(c, brand.name),
        (trx) => getPitch(trx, brandId, pitchId),
        (trx) => deletePitch(trx, brandId, pitchId),
      );
      return c.body(null, 204);
    });
}
