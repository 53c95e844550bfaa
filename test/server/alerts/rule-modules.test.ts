import { describe, expect, it } from 'vitest';
import { ALERT_RULES } from '../../../shared/schemas/alert';
import { ALERT_RULE_MODULES, alertRule } from '../../../server/alerts/rules';

describe('alert rule modules', () => {
  it('has one module for every rule the API knows, and no other', () => {
    expect(ALERT_RULE_MODULES.map((m) => m.rule).sort()).toEqual([...ALERT_RULES].sort());
    for (const rule of ALERT_RULES) expect(alertRule(rule).rule).toBe(rule);
  });

  it('gives every rule a headline and a way to be raised (by a scan or by the event)', () => {
    for (const module of ALERT_RULE_MODULES) {
      expect(module.headline.length, module.rule).toBeGreaterThan(0);
      expect(module.findDue && module.raiseDue, module.rule).toBeUndefined();
    }
  });
});
