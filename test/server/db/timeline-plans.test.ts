import { describe, expect, it } from 'vitest';
import { parseCursor } from '../../../server/timeline/cursor';
import { TIMELINE_SOURCES } from '../../../server/timeline/sources';
import { queryPlan, trackRecordingDatabases } from '../../support/query-plans';

const recordingDatabase = trackRecordingDatabases();

describe("EXPLAIN QUERY PLAN of a brand's timeline", () => {
  for (const source of TIMELINE_SOURCES) {
    it(`${source.name}: searches the brand's own rows by index, scanning no table`, async () => {
      const { sqlite, db, queries } = await recordingDatabase();
      for (const before of [null, parseCursor(`2026-03-01T12:00:00.000Z~${source.name}~x`)]) {
        await source.read(db, { brandId: 'brand-1', before, limit: 51 });
      }
      expect(queries.length).toBe(2);
      for (const query of queries) {
        const plan = queryPlan(sqlite, query);
        expect(
          plan.some((step) => step.startsWith('SEARCH')),
          plan.join('\n'),
        ).toBe(true);
        expect(
          plan.filter((step) => /^SCAN (?!CONSTANT)/.test(step)),
          plan.join('\n'),
        ).toEqual([]);
        // The audit trail by entity type alone is every deal's trail: each entry is looked up by its entity.
        expect(plan.join('\n')).not.toMatch(/audit_log_entity \(entity_type=\?\)/);
      }
    });
  }
});
