import {
  TableNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { getBrand, updateBrand } from '../../../server/db/queries/brands';
import { getDeal, updateDeal } from '../../../server/db/queries/deals';
import { getDeliverable, updateDeliverable } from '../../../server/db/queries/deliverables';
import { getInvoice, loadInvoice, updateInvoice } from '../../../server/db/queries/invoices';
import { getMediaKit, updateMediaKit } from '../../../server/db/queries/kit';
import { acknowledgeAlert, getAlert, snoozeAlert } from '../../../server/db/queries/alerts';
import { getReviewLink, revokeReviewLink } from '../../../server/db/queries/review-links';
import { at, createDeliverable, HOUR, scan } from '../../support/alerts';
import { trackApps } from '../helpers';

const apps = trackApps();

/** Records the table each SELECT reads first, as the queries pass through Kysely. */
class SelectRecorder implements KyselyPlugin {
  readonly tables: string[] = [];
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'SelectQueryNode') {
      const from = node.from?.froms[0];
      if (from && TableNode.is(from)) this.tables.push(from.table.identifier.name);
    }
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

describe('a PATCH reads the row it changes once', () => {
  it('updates a deliverable from the row read before, answering the row the UPDATE returned', async () => {
    const t = await apps.workspace();
    const { id } = await createDeliverable(t.owner, t.deal.id, {
      title: 'Unboxing reel',
      platform: 'instagram',
    });
    const now = new Date();
    const before = await getDeliverable(t.db, id);
    const recorder = new SelectRecorder();
    const after = await updateDeliverable(
      t.db.withPlugin(recorder),
      id,
      { version: before.version, title: 'Unboxing reel, cut 2' },
      now,
      before,
    );
    expect(recorder.tables).not.toContain('deliverables');
    expect(after).toEqual({
      ...before,
      title: 'Unboxing reel, cut 2',
      version: before.version + 1,
      updatedAt: now.toISOString(),
    });
    expect(await getDeliverable(t.db, id)).toEqual(after);
  });

  it('updates a deal and a brand without reading their rows again', async () => {
    const t = await apps.workspace();
    const now = new Date();
    const deal = await getDeal(t.db, t.deal.id, now);
    const dealReads = new SelectRecorder();
    const dealAfter = await updateDeal(
      t.db.withPlugin(dealReads),
      deal.id,
      { version: deal.version, title: 'Spring launch' },
      now,
      deal,
    );
    expect(dealReads.tables).not.toContain('deals');
    expect(dealAfter).toEqual(await getDeal(t.db, deal.id, now));

    const brand = await getBrand(t.db, t.brand.id);
    const brandReads = new SelectRecorder();
    const brandAfter = await updateBrand(
      t.db.withPlugin(brandReads),
      brand.id,
      { version: brand.version, notes: 'Prefers e-mail' },
      now,
    );
    // Its contacts and counts are read (the recorder sees them), the brand's row is not.
    expect(brandReads.tables).toContain('brand_contacts');
    expect(brandReads.tables).not.toContain('brands');
    expect(brandAfter).toEqual(await getBrand(t.db, brand.id));
  });

  it('updates an invoice from the row read before, answering what a fresh read answers', async () => {
    const t = await apps.workspace();
    const created = await t.owner.post('/api/invoices', {
      dealId: t.deal.id,
      amountCents: 120_000,
      status: 'sent',
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const paid = await t.owner.post(`/api/invoices/${id}/payments`, {
      amountCents: 20_000,
      paidOn: '2026-03-01',
    });
    expect(paid.status).toBe(201);
    const view = { today: '2026-03-01' };
    const now = new Date();
    const loaded = await loadInvoice(t.db, id, view);
    const reads = new SelectRecorder();
    const after = await updateInvoice(
      t.db.withPlugin(reads),
      loaded,
      {
        version: loaded.invoice.version,
        notes: 'Net 30, thank you',
        lines: [{ description: 'Reel', quantity: 2, unitCents: 70_000 }],
        payer: { name: 'Acme AP', emails: ['ap@acme.example'], address: '', taxId: '' },
      },
      now,
      view,
    );
    expect(reads.tables).not.toContain('invoices');
    expect(reads.tables).not.toContain('payments');
    expect(after.totalCents).toBe(140_000);
    expect(after.balanceCents).toBe(120_000);
    expect(after.payer.name).toBe('Acme AP');
    expect(after).toEqual(await getInvoice(t.db, id, view));
  });

  it('updates the media kit without reading its row again, first save and later ones', async () => {
    const t = await apps.workspace();
    const options = { appUrl: 'https://cal.example.com', now: new Date() };
    const defaults = await getMediaKit(t.db, options);
    const firstReads = new SelectRecorder();
    const first = await updateMediaKit(
      t.db.withPlugin(firstReads),
      { version: defaults.version, displayName: 'Mia', slug: 'mia' },
      options,
      defaults,
    );
    expect(firstReads.tables).not.toContain('media_kit');
    expect(first).toEqual(await getMediaKit(t.db, options));
    expect(first).toMatchObject({ version: 2, url: 'https://cal.example.com/kit/mia' });

    const reads = new SelectRecorder();
    const after = await updateMediaKit(
      t.db.withPlugin(reads),
      { version: first.version, headline: 'Skincare, honestly' },
      options,
      first,
    );
    expect(reads.tables).toEqual([]);
    expect(after).toEqual(await getMediaKit(t.db, options));
    expect(after).toMatchObject({ version: 3, headline: 'Skincare, honestly' });
  });

  it('acknowledges and snoozes an alert from the alert read before', async () => {
    const t = await apps.workspace();
    const now = t.clock.now();
    await createDeliverable(t.owner, t.deal.id, { draftDueAt: at(now, -HOUR) });
    expect(await scan(t)).toMatchObject({ raised: 1 });
    const { id } = await t.db.selectFrom('alerts').select('id').executeTakeFirstOrThrow();
    const view = { now, timeZone: 'UTC' };

    const before = await getAlert(t.db, id, view);
    const until = at(now, 2 * HOUR);
    const snoozeReads = new SelectRecorder();
    const snoozed = await snoozeAlert(t.db.withPlugin(snoozeReads), id, until, view, before);
    expect(snoozeReads.tables).not.toContain('alerts');
    expect(snoozed).toEqual({ ...before, snoozedUntil: until });
    expect(snoozed).toEqual(await getAlert(t.db, id, view));

    const ackReads = new SelectRecorder();
    const acked = await acknowledgeAlert(t.db.withPlugin(ackReads), id, t.user.id, view, snoozed);
    expect(ackReads.tables).not.toContain('alerts');
    expect(acked.acknowledgedAt).toBe(now.toISOString());
    expect(acked).toEqual(await getAlert(t.db, id, view));

    // Acknowledging twice keeps the first, and reads nothing more.
    const againReads = new SelectRecorder();
    const again = await acknowledgeAlert(t.db.withPlugin(againReads), id, t.user.id, view, acked);
    expect(againReads.tables).toEqual([]);
    expect(again).toEqual(acked);
  });

  it('revokes a review link from the link read before', async () => {
    const t = await apps.workspace();
    const { id: deliverableId } = await createDeliverable(t.owner, t.deal.id, {
      title: 'Unboxing reel',
      platform: 'instagram',
      status: 'in_review',
    });
    const link = await t.owner.post(`/api/deliverables/${deliverableId}/review-links`, {});
    expect(link.status).toBe(201);
    const linkId = (link.body as { id: string }).id;
    const now = t.clock.now();
    const before = await getReviewLink(t.db, deliverableId, linkId, now);
    const reads = new SelectRecorder();
    const after = await revokeReviewLink(
      t.db.withPlugin(reads),
      deliverableId,
      linkId,
      now,
      before,
    );
    expect(reads.tables).toEqual([]);
    expect(after).toEqual({ ...before, revokedAt: now.toISOString(), state: 'revoked' });
    expect(after).toEqual(await getReviewLink(t.db, deliverableId, linkId, now));
  });
});
