// Version 1 dwelling inspections (bedroom count and slots) move to the room list of version 2: nothing is lost, and
// completed ones keep their version and verdict.
import { describe, expect, it } from 'vitest';
import { openInTemplate } from '../../../../src/core/checklist/openInTemplate';
import { getTemplate, latestTemplate, startTemplate, TEMPLATE_IDS } from '../../../../src/core/checklist/templates';
import { MELHUS_SETTINGS } from '../../../../src/core/demo/melhusSettings';
import { validateAnswers } from '../../../../src/core/checklist/validateAnswers';
import { assessDwelling } from '../../../../src/core/rules/assessDwelling';
import { defaultRuleSet, RULE_SETS, ruleSetInForce, ruleSetV1, ruleSetV2 } from '../../../../src/core/rules/defaultRuleSet';
import { inspectionSchema } from '../../../../src/core/schemas/inspection';
import { goodDwelling, goodInspections } from '../rules/fixture';
import { v1Completed, v1Draft } from './fixtures/dwellingInspectionV1';

const v2 = getTemplate(TEMPLATE_IDS.dwellingInspection, 2)!;

describe('moving a version 1 dwelling inspection to version 2', () => {
  const opened = openInTemplate(v1Draft, v2);
  const rooms = opened.answers['rooms.list']?.entries ?? [];

  it('is the newest version, and the fixtures are version 1 records the schema accepts', () => {
    expect(latestTemplate(TEMPLATE_IDS.dwellingInspection)?.version).toBe(2);
    expect(inspectionSchema.safeParse(v1Draft).success).toBe(true);
    expect(inspectionSchema.safeParse(v1Completed).success).toBe(true);
  });

  it('turns each counted bedroom into a room entry with its answers, notes and photos', () => {
    expect(opened.templateVersion).toBe(2);
    expect(rooms.map((r) => r.id)).toEqual(['b1', 'b2', 'b3']);
    expect(rooms[0]!.answers).toMatchObject({
      name: { value: 'Soverom 1' },
      type: { value: 'bedroom' },
      ceilingHeightM: { value: 2.5 },
      openableWindow: { value: true, note: 'Nytt vindu 2023' },
      windowWidthM: { value: 0.6 },
      dropToGroundM: { value: 2 },
    });
    expect(rooms[1]!.answers['ceilingHeightM']?.photos).toHaveLength(1);
    expect(rooms[1]!.answers['windowType']).toEqual({ value: 'roof' });
    // Counted but not yet measured: the entry is there, to be filled in.
    expect(rooms[2]!.answers).toEqual({ name: { value: 'Soverom 3' }, type: { value: 'bedroom' } });
    expect(opened.answers['bedrooms.count']).toBeUndefined();
  });

  it('sets aside what has no place in version 2 (a slot beyond the count) with its old label', () => {
    expect(opened.previousAnswers?.['bedroom4.ceilingHeightM']).toEqual({
      fromVersion: 1,
      label: { nb: 'Soverom 4: takhøyde', en: 'Bedroom 4: ceiling height' },
      answer: { value: 2.6 },
    });
    expect(Object.keys(opened.previousAnswers ?? {})).toEqual(['bedroom4.ceilingHeightM']);
  });

  it('loses no answer: each one is in an entry, in answers or set aside', () => {
    const moved = Object.keys(v1Draft.answers).filter((k) => /^bedroom[123]\./.test(k)).length;
    const inEntries = rooms.reduce((n, r) => n + Object.keys(r.answers).length - 2, 0);
    expect(inEntries).toBe(moved);
    const rest = Object.keys(opened.answers).filter((k) => k !== 'rooms.list').length + Object.keys(opened.previousAnswers ?? {}).length;
    expect(rest + moved + 1).toBe(Object.keys(v1Draft.answers).length);
    expect(inspectionSchema.safeParse(opened).success).toBe(true);
  });

  it('gives the same entry ids on every device, so two devices moving one draft agree', () => {
    expect(openInTemplate(v1Draft, v2)).toEqual(opened);
    // Opening again changes nothing.
    expect(openInTemplate(opened, v2)).toBe(opened);
  });

  it('asks, per room, what version 1 did not (length, width, smoke detector, grade)', () => {
    const problems = validateAnswers(v2, opened.answers).filter((p) => p.entry?.id === 'b1');
    expect(problems.map((p) => p.entry!.itemId).sort()).toEqual(['grade', 'lengthM', 'smokeDetector', 'widthM']);
  });

  it('leaves a completed version 1 checklist in version 1, with the verdict version 1 gave it', () => {
    const dwelling = goodDwelling();
    const [, b, c] = goodInspections();
    const old = goodInspections();
    expect(assessDwelling(dwelling, old, ruleSetV2).verdict).toBe(assessDwelling(dwelling, old, ruleSetV1).verdict);
    const withV1 = assessDwelling(dwelling, [v1Completed, b!, c!], ruleSetV2);
    expect(withV1.rules.find((r) => r.ruleId === '3plus.bedroomRooms')?.status).toBe('passed');
    expect(withV1.verdict).toBe(assessDwelling(dwelling, [v1Completed, b!, c!], ruleSetV1).verdict);
    expect(v1Completed.templateVersion).toBe(1);
  });
});

describe('version 2 in force', () => {
  it('is the version new drafts start in, judged by rule set 2, which the demo settings name', () => {
    expect(startTemplate(TEMPLATE_IDS.dwellingInspection)).toBe(v2);
    expect(defaultRuleSet).toBe(ruleSetV2);
    expect(RULE_SETS).toEqual([ruleSetV1, ruleSetV2]);
    expect(MELHUS_SETTINGS.ruleSet).toEqual({ id: 'suitability', version: 2 });
    expect(ruleSetInForce(MELHUS_SETTINGS.ruleSet)).toBe(ruleSetV2);
    // Settings that name rule set 1 still find it; settings naming one this version does not know get the default.
    expect(ruleSetInForce({ id: 'suitability', version: 1 })).toBe(ruleSetV1);
    expect(ruleSetInForce({ id: 'suitability', version: 9 })).toBe(ruleSetV2);
  });
});
