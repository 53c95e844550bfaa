import { describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/days';
import {
  deliverableRiskOf,
  isAtRisk,
  riskHorizon,
  riskOf,
  type RiskSubject,
} from '../../shared/risk';

const LEAD = { draftDueSoonHours: 48, publishDueSoonHours: 24 };
const NOW = new Date('2026-03-10T12:00:00Z');

const planned = (over: Partial<RiskSubject> = {}): RiskSubject => ({
  status: 'planned',
  draftDueAt: null,
  publishAt: null,
  ...over,
});

describe('riskOf', () => {
  it('calls a pending draft past its due moment overdue, and at the very moment too', () => {
    expect(riskOf(planned({ draftDueAt: '2026-03-10T11:59:00Z' }), 'draft', NOW, LEAD)).toBe(
      'overdue',
    );
    expect(riskOf(planned({ draftDueAt: '2026-03-10T12:00:00Z' }), 'draft', NOW, LEAD)).toBe(
      'overdue',
    );
    expect(
      riskOf(
        planned({ status: 'drafting', draftDueAt: '2026-01-01T00:00:00Z' }),
        'draft',
        NOW,
        LEAD,
      ),
    ).toBe('overdue');
  });

  it('does not call a handed-in draft overdue', () => {
    for (const status of ['in_review', 'changes_requested', 'approved', 'scheduled'] as const) {
      expect(
        riskOf(planned({ status, draftDueAt: '2026-03-01T00:00:00Z' }), 'draft', NOW, LEAD),
      ).toBe('on_track');
    }
  });

  it('calls a missed go-live overdue in every status short of published', () => {
    for (const status of [
      'planned',
      'drafting',
      'in_review',
      'changes_requested',
      'approved',
      'scheduled',
    ] as const) {
      expect(
        riskOf(planned({ status, publishAt: '2026-03-09T17:00:00Z' }), 'publish', NOW, LEAD),
      ).toBe('overdue');
    }
  });

  it('calls published and cancelled work done, whatever its dates', () => {
    for (const status of ['published', 'cancelled'] as const) {
      const d = planned({
        status,
        draftDueAt: '2026-03-01T00:00:00Z',
        publishAt: '2026-03-02T00:00:00Z',
      });
      expect(riskOf(d, 'draft', NOW, LEAD)).toBe('done');
      expect(riskOf(d, 'publish', NOW, LEAD)).toBe('done');
      expect(deliverableRiskOf(d, NOW, LEAD)).toBe('done');
    }
  });

  it('marks a moment due soon inside its own lead time, its edge included', () => {
    const d = planned({ draftDueAt: '2026-03-12T12:00:00Z', publishAt: '2026-03-11T12:00:00Z' });
    expect(riskOf(d, 'draft', NOW, LEAD)).toBe('due_soon');
    expect(riskOf(d, 'publish', NOW, LEAD)).toBe('due_soon');
    const later = planned({
      draftDueAt: '2026-03-12T12:00:01Z',
      publishAt: '2026-03-11T12:00:01Z',
    });
    expect(riskOf(later, 'draft', NOW, LEAD)).toBe('on_track');
    expect(riskOf(later, 'publish', NOW, LEAD)).toBe('on_track');
  });

  it('has no "due soon" when the lead time is 0, but still "overdue"', () => {
    const off = { draftDueSoonHours: 0, publishDueSoonHours: 0 };
    expect(riskOf(planned({ publishAt: '2026-03-10T12:00:01Z' }), 'publish', NOW, off)).toBe(
      'on_track',
    );
    expect(riskOf(planned({ publishAt: '2026-03-10T12:00:00Z' }), 'publish', NOW, off)).toBe(
      'overdue',
    );
  });

  it('answers on_track for a moment the deliverable does not have', () => {
    expect(riskOf(planned({ publishAt: '2026-03-01T00:00:00Z' }), 'draft', NOW, LEAD)).toBe(
      'on_track',
    );
  });
});

describe('riskOf across zones', () => {
  it('reads moments written with any offset as the same instant', () => {
    // 00:30 in Berlin on the 10th is 23:30 UTC on the 9th: past at noon UTC on the 10th.
    const berlin = planned({ draftDueAt: '2026-03-10T00:30:00+01:00' });
    expect(riskOf(berlin, 'draft', NOW, LEAD)).toBe('overdue');
    // 07:30 in New York on the 10th is 11:30 UTC: also past.
    const newYork = planned({ draftDueAt: '2026-03-10T07:30:00-04:00' });
    expect(riskOf(newYork, 'draft', NOW, LEAD)).toBe('overdue');
    // 23:00 in Tokyo on the 10th is 14:00 UTC: ahead, inside 48 hours.
    const tokyo = planned({ draftDueAt: '2026-03-10T23:00:00+09:00' });
    expect(riskOf(tokyo, 'draft', NOW, LEAD)).toBe('due_soon');
  });

  it('is overdue a minute after a late-evening due moment, though the UTC day is another', () => {
    // Due 23:59 on Mar 10 in Los Angeles (06:59 UTC on the 11th).
    const d = planned({ publishAt: '2026-03-11T06:59:00Z' });
    expect(todayIn(new Date('2026-03-11T06:59:00Z'), 'America/Los_Angeles')).toBe('2026-03-10');
    expect(riskOf(d, 'publish', new Date('2026-03-11T06:58:59Z'), LEAD)).toBe('due_soon');
    expect(riskOf(d, 'publish', new Date('2026-03-11T07:00:00Z'), LEAD)).toBe('overdue');
  });

  it('counts lead times in real hours across a DST change', () => {
    // Europe/Berlin springs forward on 2026-03-29 at 02:00 → 03:00: 24 real hours before
    // 2026-03-29T12:00+02:00 (10:00 UTC) is 2026-03-28T11:00+01:00 (10:00 UTC), not 12:00.
    const d = planned({ publishAt: '2026-03-29T12:00:00+02:00' });
    expect(riskOf(d, 'publish', new Date('2026-03-28T09:59:59Z'), LEAD)).toBe('on_track');
    expect(riskOf(d, 'publish', new Date('2026-03-28T10:00:00Z'), LEAD)).toBe('due_soon');
    // And when clocks go back (2026-10-25, 03:00 → 02:00), 24 hours span 25 on the wall.
    const autumn = planned({ publishAt: '2026-10-25T12:00:00+01:00' });
    expect(riskOf(autumn, 'publish', new Date('2026-10-24T11:00:00Z'), LEAD)).toBe('due_soon');
    expect(riskOf(autumn, 'publish', new Date('2026-10-24T10:59:59Z'), LEAD)).toBe('on_track');
  });
});

describe('deliverableRiskOf', () => {
  it('answers the worse of the two moments', () => {
    const d = planned({ draftDueAt: '2026-03-09T00:00:00Z', publishAt: '2026-03-10T20:00:00Z' });
    expect(riskOf(d, 'publish', NOW, LEAD)).toBe('due_soon');
    expect(deliverableRiskOf(d, NOW, LEAD)).toBe('overdue');
    const handedIn = { ...d, status: 'in_review' as const };
    expect(deliverableRiskOf(handedIn, NOW, LEAD)).toBe('due_soon');
    expect(isAtRisk('due_soon')).toBe(true);
    expect(isAtRisk('on_track')).toBe(false);
    expect(isAtRisk('done')).toBe(false);
  });
});

describe('riskHorizon', () => {
  it('is now plus the moment’s lead time', () => {
    expect(riskHorizon('draft', NOW, LEAD).toISOString()).toBe('2026-03-12T12:00:00.000Z');
    expect(riskHorizon('publish', NOW, LEAD).toISOString()).toBe('2026-03-11T12:00:00.000Z');
  });
});
