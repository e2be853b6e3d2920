// The settings choose the rule set that judges every dwelling; without settings, or naming one this version does not
// know, the default (the newest and strictest) judges.
import { describe, expect, it } from 'vitest';
import { MELHUS_SETTINGS } from '../../../../src/core/demo/melhusSettings';
import { defaultRuleSet, ruleSetFor, ruleSetV1, ruleSetV2 } from '../../../../src/core/rules/defaultRuleSet';
import type { Settings } from '../../../../src/core/schemas/settings';

const withRuleSet = (id: string, version: number): Settings => ({ ...MELHUS_SETTINGS, ruleSet: { id, version } });

describe('ruleSetFor', () => {
  it('gives the rule set the settings name', () => {
    expect(ruleSetFor(withRuleSet('suitability', 1))).toBe(ruleSetV1);
    expect(ruleSetFor(withRuleSet('suitability', 2))).toBe(ruleSetV2);
    expect(ruleSetFor(MELHUS_SETTINGS)).toBe(ruleSetV2);
  });

  it('gives the default for a version or id this version of Egnet does not know', () => {
    expect(defaultRuleSet).toBe(ruleSetV2);
    expect(ruleSetFor(withRuleSet('suitability', 3))).toBe(defaultRuleSet);
    expect(ruleSetFor(withRuleSet('other', 1))).toBe(defaultRuleSet);
  });

  it('gives the default without settings', () => {
    expect(ruleSetFor(null)).toBe(defaultRuleSet);
    expect(ruleSetFor(undefined)).toBe(defaultRuleSet);
  });

  it('falls back to the stricter set: the default holds every rule of rule set 1 with the same thresholds', () => {
    const byId = new Map(defaultRuleSet.rules.map((r) => [r.id, r]));
    for (const rule of ruleSetV1.rules) expect(byId.get(rule.id), rule.id).toEqual(rule);
    expect(defaultRuleSet.thresholds).toMatchObject(ruleSetV1.thresholds);
    expect(defaultRuleSet.rules.length).toBeGreaterThan(ruleSetV1.rules.length);
  });
});
