import { describe, expect, it } from 'vitest';
import { THROTTLE_WINDOW_MS } from '../../../server/auth/throttle';
import { newId } from '../../../server/ids';
import {
  DEAD_REVIEW_LINK_RETENTION_MS,
  EXPIRED_INVITE_RETENTION_MS,
  runPurge,
} from '../../../server/jobs/purge';
import { createDeliverable } from '../../support/alerts';
import { trackApps } from '../helpers';

const apps = trackApps();
type Workspace = Awaited<ReturnType<typeof apps.workspace>>;

const NOW = new Date('2026-06-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

/** A workspace made at NOW: the owner's own session is live then. */
const workspace = () => apps.workspace({ now: NOW.toISOString() });

/** `ms` from NOW, as stored. */
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

async function insertSession(w: Workspace, expiresAt: string): Promise<string> {
  const id = newId();
  await w.db
    .insertInto('sessions')
    .values({
      id,
      userId: w.user.id,
      createdAt: at(-DAY),
      lastSeenAt: at(-DAY),
      expiresAt,
      userAgent: null,
    })
    .execute();
  return id;
}

async function insertInvite(
  w: Workspace,
  expiresAt: string,
  used: { acceptedAt?: string; revokedAt?: string } = {},
): Promise<string> {
  const id = newId();
  await w.db
    .insertInto('invites')
    .values({
      id,
      tokenHash: newId(),
      role: 'editor',
      email: null,
      createdBy: w.user.id,
      createdAt: at(-90 * DAY),
      expiresAt,
      acceptedAt: used.acceptedAt ?? null,
      acceptedUserId: used.acceptedAt ? w.user.id : null,
      revokedAt: used.revokedAt ?? null,
    })
    .execute();
  return id;
}

async function insertReviewLink(
  w: Workspace,
  deliverableId: string,
  expiresAt: string,
  ended: { decidedAt?: string; revokedAt?: string } = {},
): Promise<string> {
  const id = newId();
  await w.db
    .insertInto('reviewLinks')
    .values({
      id,
      deliverableId,
      tokenHash: newId(),
      createdBy: w.user.id,
      createdAt: at(-120 * DAY),
      expiresAt,
      revokedAt: ended.revokedAt ?? null,
      decidedAt: ended.decidedAt ?? null,
      decision: ended.decidedAt ? 'request_changes' : null,
      comment: ended.decidedAt ? 'Please show the logo earlier.' : null,
      reviewerName: ended.decidedAt ? 'Bea Brand' : null,
    })
    .execute();
  return id;
}

async function ids(w: Workspace, table: 'sessions' | 'invites' | 'reviewLinks' | 'loginFailures') {
  const rows = await w.db.selectFrom(table).select('id').execute();
  return rows.map((row) => row.id).sort();
}

describe('runPurge', () => {
  it('deletes sessions from the moment they expire, and keeps live ones', async () => {
    const w = await workspace();
    const [ownSession] = await ids(w, 'sessions');
    const expired = await insertSession(w, at(0));
    const live = await insertSession(w, at(1));

    const deleted = await runPurge({ db: w.db, now: NOW });

    expect(deleted.sessions).toBe(1);
    expect(await ids(w, 'sessions')).toEqual([ownSession, live].sort());
    expect(await ids(w, 'sessions')).not.toContain(expired);
  });

  it('deletes sign-in failures once they leave the throttle window, and keeps those that still count', async () => {
    const w = await workspace();
    const old = newId();
    const recent = newId();
    await w.db
      .insertInto('loginFailures')
      .values([
        { id: old, key: 'account:someone@example.com', failedAt: at(-THROTTLE_WINDOW_MS) },
        { id: recent, key: 'account:someone@example.com', failedAt: at(-THROTTLE_WINDOW_MS + 1) },
      ])
      .execute();

    const deleted = await runPurge({ db: w.db, now: NOW });

    expect(deleted.loginFailures).toBe(1);
    expect(await ids(w, 'loginFailures')).toEqual([recent]);
  });

  it('deletes invites that expired unused 30 days ago, and keeps accepted and revoked ones', async () => {
    const w = await workspace();
    const longExpired = await insertInvite(w, at(-EXPIRED_INVITE_RETENTION_MS));
    const recentlyExpired = await insertInvite(w, at(-EXPIRED_INVITE_RETENTION_MS + 1));
    const pending = await insertInvite(w, at(DAY));
    const accepted = await insertInvite(w, at(-60 * DAY), { acceptedAt: at(-61 * DAY) });
    const revoked = await insertInvite(w, at(-60 * DAY), { revokedAt: at(-61 * DAY) });

    const deleted = await runPurge({ db: w.db, now: NOW });

    expect(deleted.invites).toBe(1);
    expect(await ids(w, 'invites')).toEqual([recentlyExpired, pending, accepted, revoked].sort());
    expect(await ids(w, 'invites')).not.toContain(longExpired);
  });

  it('deletes undecided review links 30 days after they expired, and keeps every decided one', async () => {
    const w = await workspace();
    const deliverable = await createDeliverable(w.owner, w.deal.id);
    const deadUnopened = await insertReviewLink(
      w,
      deliverable.id,
      at(-DEAD_REVIEW_LINK_RETENTION_MS),
    );
    const deadRevoked = await insertReviewLink(w, deliverable.id, at(-60 * DAY), {
      revokedAt: at(-80 * DAY),
    });
    const recentlyExpired = await insertReviewLink(
      w,
      deliverable.id,
      at(-DEAD_REVIEW_LINK_RETENTION_MS + 1),
    );
    const open = await insertReviewLink(w, deliverable.id, at(DAY));
    const decided = await insertReviewLink(w, deliverable.id, at(-100 * DAY), {
      decidedAt: at(-110 * DAY),
    });

    const deleted = await runPurge({ db: w.db, now: NOW });

    expect(deleted.reviewLinks).toBe(2);
    expect(await ids(w, 'reviewLinks')).toEqual([recentlyExpired, open, decided].sort());
    expect(await ids(w, 'reviewLinks')).not.toContain(deadUnopened);
    expect(await ids(w, 'reviewLinks')).not.toContain(deadRevoked);
    // The review history the app shows still has the brand's verdict and comment.
    const history = await w.owner.get(`/api/deliverables/${deliverable.id}/review-links`);
    expect(history.status).toBe(200);
    expect(history.body.items).toContainEqual(
      expect.objectContaining({
        id: decided,
        decision: 'request_changes',
        comment: 'Please show the logo earlier.',
      }),
    );
  });

  it('deletes nothing more when run again', async () => {
    const w = await workspace();
    const deliverable = await createDeliverable(w.owner, w.deal.id);
    await insertSession(w, at(-1));
    await insertInvite(w, at(-EXPIRED_INVITE_RETENTION_MS - 1));
    await insertReviewLink(w, deliverable.id, at(-DEAD_REVIEW_LINK_RETENTION_MS - 1));
    await w.db
      .insertInto('loginFailures')
      .values({ id: newId(), key: 'ip:203.0.113.9', failedAt: at(-DAY) })
      .execute();
    // A "we've paid" rate-limit entry past its day and a day more goes; one within it stays.
    await w.db
      .insertInto('publicHits')
      .values([
        { id: 'old-hit', key: 'invoice-paid:x', at: at(-2 * DAY - 1) },
        { id: 'new-hit', key: 'invoice-paid:x', at: at(-DAY) },
      ])
      .execute();

    expect(await runPurge({ db: w.db, now: NOW })).toEqual({
      sessions: 1,
      invites: 1,
      reviewLinks: 1,
      loginFailures: 1,
      publicHits: 1,
    });
    expect(await runPurge({ db: w.db, now: NOW })).toEqual({
      sessions: 0,
      invites: 0,
      reviewLinks: 0,
      loginFailures: 0,
      publicHits: 0,
    });
    expect((await w.db.selectFrom('publicHits').select('id').execute()).map((h) => h.id)).toEqual([
      'new-hit',
    ]);
  });
});
