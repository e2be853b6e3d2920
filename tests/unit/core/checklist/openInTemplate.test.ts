// Opening a draft in a newer template version keeps answers whose item still exists and sets the rest aside, never dropping one.
import { describe, expect, it } from 'vitest';
import { openInTemplate } from '../../../../src/core/checklist/openInTemplate';
import type { Answers } from '../../../../src/core/checklist/template';
import { getTemplate, latestTemplate, TEMPLATE_IDS } from '../../../../src/core/checklist/templates';
import { validateAnswers } from '../../../../src/core/checklist/validateAnswers';
import type { Inspection } from '../../../../src/core/schemas/inspection';
import { inspectionSchema } from '../../../../src/core/schemas/inspection';
import { goodA } from '../rules/fixture';
import { dwellingInspectionV3, dwellingInspectionV4 } from './laterVersions.fixture';

function draft(answers: Answers): Inspection {
  return {
    templateId: TEMPLATE_IDS.dwellingInspection,
    templateVersion: 1,
    status: 'draft',
    answers,
    startedAt: '2026-05-01T09:00:00Z',
    inspectorId: '00000000-0000-4000-8000-000000000002',
  };
}

const v1Answers: Answers = {
  ...goodA(),
  'childSafety.stoveGuard': { value: true, note: 'Montert 2024' },
  'childSafety.windowLocks': { value: 'notApplicable' },
  'outdoor.notes': { value: 'Stor hage' },
};

describe('openInTemplate', () => {
  const opened = openInTemplate(draft(v1Answers), dwellingInspectionV3);

  it('moves the draft to the new version and keeps every answer whose item still exists', () => {
    expect(opened.templateVersion).toBe(3);
    expect(opened.answers['radon.bqm3']).toEqual(v1Answers['radon.bqm3']);
    // Through version 2: bedroom 2's answers are now room entry b2's.
    const room2 = opened.answers['rooms.list']?.entries?.find((e) => e.id === 'b2');
    expect(room2?.answers['windowWidthM']).toEqual(v1Answers['bedroom2.windowWidthM']);
  });

  it('sets aside answers to removed items and to options that no longer exist, with their old label', () => {
    expect(Object.keys(opened.previousAnswers ?? {}).sort()).toEqual(['childSafety.stoveGuard', 'childSafety.windowLocks', 'outdoor.notes']);
    expect(opened.previousAnswers?.['childSafety.stoveGuard']).toEqual({
      fromVersion: 1,
      label: { nb: 'Komfyrvakt og komfyrsikring', en: 'Stove guard and anti-tip bracket' },
      answer: { value: true, note: 'Montert 2024' },
    });
    expect(opened.answers['childSafety.windowLocks']).toBeUndefined();
  });

  it('drops nothing: every old answer is in answers or previousAnswers', () => {
    const inEntries = (opened.answers['rooms.list']?.entries ?? []).reduce((n, e) => n + Object.keys(e.answers).length, 0);
    const migrated = Object.keys(v1Answers).filter((k) => /^bedroom\d\./.test(k)).length;
    // The count became the entries, each with a name and type added.
    const entries = opened.answers['rooms.list']?.entries?.length ?? 0;
    expect(inEntries).toBe(migrated + 2 * entries);
    const kept = Object.keys(opened.answers).length - 1 + Object.keys(opened.previousAnswers ?? {}).length;
    expect(kept + migrated + 1).toBe(Object.keys(v1Answers).length);
    expect(inspectionSchema.safeParse(opened).success).toBe(true);
  });

  it('asks the new questions and the ones whose answer was set aside', () => {
    const missing = validateAnswers(dwellingInspectionV3, opened.answers).filter((p) => p.code === 'missing').map((p) => p.itemId);
    // Plus the length, width, smoke detector and grade of each room, which version 1 did not ask.
    expect([...new Set(missing)].sort()).toEqual(['childSafety.windowLocks', 'fire.stoveGuard', 'rooms.list']);
  });

  it('brings a set-aside answer back when a later version has the item again', () => {
    const again = openInTemplate(opened, dwellingInspectionV4);
    expect(again.answers['outdoor.notes']).toEqual({ value: 'Stor hage' });
    expect(Object.keys(again.previousAnswers ?? {}).sort()).toEqual(['childSafety.stoveGuard', 'childSafety.windowLocks']);
  });

  it('keeps both when an item set aside before loses its answer again', () => {
    const first = openInTemplate(draft({ 'outdoor.notes': { value: 'Gammel' } }), dwellingInspectionV3);
    const answeredAgain = { ...first, templateVersion: 1, answers: { 'outdoor.notes': { value: 'Ny' } } };
    const second = openInTemplate(answeredAgain, dwellingInspectionV3);
    const kept = Object.values(second.previousAnswers ?? {}).map((p) => p.answer.value);
    expect(kept.sort()).toEqual(['Gammel', 'Ny']);
  });

  it('leaves a draft in its own version alone, and refuses another template', () => {
    const d = draft(v1Answers);
    const v1 = getTemplate(TEMPLATE_IDS.dwellingInspection, 1);
    if (!v1) throw new Error('template');
    expect(openInTemplate(d, v1)).toBe(d);
    const neighbourhood = latestTemplate(TEMPLATE_IDS.neighbourhood);
    if (!neighbourhood) throw new Error('template');
    expect(() => openInTemplate(d, neighbourhood)).toThrow(/dwelling-inspection/);
  });
});
