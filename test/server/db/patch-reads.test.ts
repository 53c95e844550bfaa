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
    const created = await t.owner.post('/api/deliverables', {
      dealId: t.deal.id,
      title: 'Unboxing reel',
      platform: 'instagram',
      format: 'reel',
    });
    const id = (created.body as { id: string }).id;
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
});
