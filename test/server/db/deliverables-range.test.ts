import { describe, expect, it } from 'vitest';
import { listDeliverables } from '../../../server/db/queries/deliverables';
import { queryPlan, trackRecordingDatabases } from '../../support/query-plans';

const recordingDatabase = trackRecordingDatabases();

describe('listDeliverables with from and to', () => {
  it('searches the publish_at and draft_due_at indexes instead of scanning deliverables', async () => {
    const { sqlite, db, queries } = await recordingDatabase();
    await listDeliverables(db, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    const ranged = queries.filter((q) => /from "deliverables"/i.test(q.sql));
    expect(ranged).toHaveLength(1);
    const plan = queryPlan(sqlite, ranged[0]!);
    expect(
      plan.some((step) =>
        /SEARCH deliverables USING (COVERING )?INDEX deliverables_publish_at \(publish_at>\? AND publish_at<\?\)/.test(
          step,
        ),
      ),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.some((step) =>
        /SEARCH deliverables USING (COVERING )?INDEX deliverables_draft_due_at \(draft_due_at>\? AND draft_due_at<\?\)/.test(
          step,
        ),
      ),
      plan.join('\n'),
    ).toBe(true);
    expect(
      plan.filter((step) => /^SCAN deliverables\b/.test(step)),
      plan.join('\n'),
    ).toEqual([]);
  });
});
