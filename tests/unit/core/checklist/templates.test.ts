// The five templates are data that passes the template schema, with unique ids, both languages, and sound conditions.
import { describe, expect, it } from 'vitest';
import { templateSchema, type Formula, type ShowWhen, type Template } from '../../../../src/core/checklist/template';
import { getTemplate, latestTemplate, startTemplate, TEMPLATE_IDS, templates } from '../../../../src/core/checklist/templates';
import { dwellingInspectionV1 } from '../../../../src/core/checklist/templates/dwellingInspection';
import { foyerFollowUpV1 } from '../../../../src/core/checklist/templates/foyerFollowUp';
import { homeVisitV1 } from '../../../../src/core/checklist/templates/homeVisit';
import { neighbourhoodV1 } from '../../../../src/core/checklist/templates/neighbourhood';
import { riskAssessmentV1 } from '../../../../src/core/checklist/templates/riskAssessment';
import { WINDOW_FIELDS } from '../../../../src/core/rules/checks/bedroomSlots';
import { RULE_SETS } from '../../../../src/core/rules/defaultRuleSet';
import type { LocalText } from '../../../../src/core/text';

const sources = [dwellingInspectionV1, neighbourhoodV1, riskAssessmentV1, homeVisitV1, foyerFollowUpV1];

function texts(t: Template): Array<[string, LocalText]> {
  const out: Array<[string, LocalText]> = [['title', t.title]];
  for (const s of t.sections) {
    out.push([`${s.id}.title`, s.title]);
    if (s.help) out.push([`${s.id}.help`, s.help]);
    for (const i of s.items) {
      out.push([`${i.id}.label`, i.label]);
      if (i.help) out.push([`${i.id}.help`, i.help]);
      if (i.kind === 'choice' || i.kind === 'multiChoice') for (const o of i.options) out.push([`${i.id}.${o.value}`, o.label]);
    }
  }
  return out;
}

function referenced(cond: ShowWhen): string[] {
  if ('all' in cond) return cond.all.flatMap(referenced);
  if ('any' in cond) return cond.any.flatMap(referenced);
  return [cond.item];
}

// Texts that are the same word in both languages.
const SAME_IN_BOTH = new Set(['Radon', 'NAV', 'TG0', '40 km/t']);

describe.each(templates.map((t) => [t.id, t] as const))('template %s', (_, template) => {
  it('parses with the template schema, unchanged', () => {
    const source = sources.find((s) => s.id === template.id);
    expect(templateSchema.safeParse(source).success).toBe(true);
    expect(templateSchema.parse(template)).toEqual(template);
  });

  it('has unique section and item ids', () => {
    const sections = template.sections.map((s) => s.id);
    const items = template.sections.flatMap((s) => s.items.map((i) => i.id));
    expect(new Set(sections).size).toBe(sections.length);
    expect(new Set(items).size).toBe(items.length);
  });

  it('has every label and help text in Bokmål and English', () => {
    for (const [where, text] of texts(template)) {
      expect(text.nb.trim(), where).not.toBe('');
      expect(text.en.trim(), where).not.toBe('');
      if (!SAME_IN_BOTH.has(text.nb)) expect(text.en, `${where} is not translated`).not.toBe(text.nb);
      expect(text.en, `${where} has Norwegian letters in English`).not.toMatch(/[æøå]/i);
    }
  });

  it('shows items only on conditions about earlier items of the same template', () => {
    const seen = new Set<string>();
    for (const item of template.sections.flatMap((s) => s.items)) {
      if (item.showWhen) for (const id of referenced(item.showWhen)) expect(seen.has(id), `${item.id} depends on ${id}`).toBe(true);
      seen.add(item.id);
    }
  });

  it('names only items that exist in its formulas, its repeat groups and the rule sets’ rules over them', () => {
    const top = new Map(template.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
    const localIds = (repeatId: string): Set<string> => {
      const r = top.get(repeatId);
      expect(r?.kind, `${repeatId} is a repeat group`).toBe('repeat');
      return new Set(r?.kind === 'repeat' ? r.items.map((i) => i.id) : []);
    };
    const inFormula = (f: Formula, has: Set<string>, at: string): void => {
      if ('item' in f) expect(has.has(f.item), `${at} reads ${f.item}`).toBe(true);
      else if ('args' in f) for (const a of f.args) inFormula(a, has, at);
      else if ('count' in f || 'share' in f) {
        const group = 'count' in f ? f.count : f.share;
        const local = localIds(group);
        for (const cond of [f.where, 'of' in f ? f.of : undefined]) if (cond) for (const id of referenced(cond)) expect(local.has(id), `${at} counts by ${id}`).toBe(true);
      }
    };
    const topIds = new Set(top.keys());
    for (const item of top.values()) {
      if (item.kind === 'calc') inFormula(item.formula, topIds, item.id);
      if (item.kind !== 'repeat') continue;
      const local = new Set(item.items.map((i) => i.id));
      if (item.titleItem) expect(local.has(item.titleItem), `${item.id} is titled by ${item.titleItem}`).toBe(true);
      for (const sub of item.items) {
        if (sub.showWhen) for (const id of referenced(sub.showWhen)) expect(local.has(id), `${item.id}.${sub.id} depends on ${id}`).toBe(true);
        if (sub.kind === 'calc') inFormula(sub.formula, local, `${item.id}.${sub.id}`);
      }
    }
    // Rules over a repeat group read the newest version (an older one without the group passes them).
    if (template !== latestTemplate(template.id)) return;
    for (const set of RULE_SETS) {
      for (const rule of set.rules) {
        const c = rule.check;
        if (c.kind !== 'eachEntry' || c.template !== template.id) continue;
        const local = localIds(c.repeat);
        if (c.where) for (const id of referenced(c.where)) expect(local.has(id), `${rule.id} picks entries by ${id}`).toBe(true);
        for (const test of c.tests) {
          const ids = 'escapeWindow' in test ? ['windowType', ...WINDOW_FIELDS] : [test.item];
          for (const id of ids) expect(local.has(id), `${rule.id} tests ${id}`).toBe(true);
        }
      }
    }
  });

  it('has number bounds in order, choices with unique values', () => {
    for (const item of template.sections.flatMap((s) => s.items)) {
      if (item.kind === 'number') expect(item.min, item.id).toBeLessThan(item.max);
      if (item.kind === 'choice' || item.kind === 'multiChoice') {
        expect(new Set(item.options.map((o) => o.value)).size, item.id).toBe(item.options.length);
      }
    }
  });
});

describe('the template registry', () => {
  it('holds the five templates of docs/domain.md, the dwelling inspection in version 2 (rooms) beside version 1', () => {
    expect(Object.values(TEMPLATE_IDS).map((id) => latestTemplate(id)?.version)).toEqual([2, 1, 1, 1, 1]);
    expect(getTemplate(TEMPLATE_IDS.dwellingInspection, 1)?.sections.map((s) => s.id)).toContain('bedrooms');
    // Version 2 is released: new drafts of every template start in its newest version.
    expect(Object.values(TEMPLATE_IDS).map((id) => startTemplate(id)?.version)).toEqual([2, 1, 1, 1, 1]);
    expect(getTemplate(TEMPLATE_IDS.neighbourhood, 1)?.kind).toBe('neighbourhood');
    expect(getTemplate(TEMPLATE_IDS.neighbourhood, 2)).toBeUndefined();
    expect(latestTemplate('unknown')).toBeUndefined();
  });

  it('asks every item docs/domain.md lists for the dwelling inspection', () => {
    const ids = dwellingInspectionV1.sections.flatMap((s) => s.items.map((i) => i.id));
    for (const id of [
      'fire.smokeDetectorsCount',
      'fire.extinguisherType',
      'radon.bqm3',
      'condition.wetRooms',
      'condition.balcony',
      'childSafety.stoveGuard',
      'childSafety.cotSpace',
      'childSafety.pramAccess',
      'outdoor.playgroundOnPlot',
      'bedroom1.windowWidthM',
      'bedroom6.dropToGroundM',
    ]) {
      expect(ids).toContain(id);
    }
  });
});
