// The five templates are data that passes the template schema, with unique ids, both languages, and sound conditions.
import { describe, expect, it } from 'vitest';
import { templateSchema, type ShowWhen, type Template } from '../../../../src/core/checklist/template';
import { getTemplate, latestTemplate, startTemplate, TEMPLATE_IDS, templates } from '../../../../src/core/checklist/templates';
import { dwellingInspectionV1 } from '../../../../src/core/checklist/templates/dwellingInspection';
import { foyerFollowUpV1 } from '../../../../src/core/checklist/templates/foyerFollowUp';
import { homeVisitV1 } from '../../../../src/core/checklist/templates/homeVisit';
import { neighbourhoodV1 } from '../../../../src/core/checklist/templates/neighbourhood';
import { riskAssessmentV1 } from '../../../../src/core/checklist/templates/riskAssessment';
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
