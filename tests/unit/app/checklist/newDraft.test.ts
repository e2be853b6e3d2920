// Starting a checklist from the previous completed one, revisions, and what changed since last time.
import { describe, expect, it } from 'vitest';
import { answersIn } from '../../../../src/core/checklist/openInTemplate';
import { getTemplate, latestTemplate, TEMPLATE_IDS } from '../../../../src/core/checklist/templates';
import { v1Completed } from '../../core/checklist/fixtures/dwellingInspectionV1';
import { inspectionSchema, type Inspection } from '../../../../src/core/schemas/inspection';
import { changesSince } from '../../../../src/app/screens/checklist/changesSince';
import { draftFrom, latestCompletedOf, previousCompleted, revisionOf } from '../../../../src/app/screens/checklist/newDraft';

const template = latestTemplate(TEMPLATE_IDS.dwellingInspection)!;
const DWELLING = '11111111-1111-4111-8111-111111111111';
const ME = '00000000-0000-4000-8000-000000000002';
const rec = (id: string, data: Partial<Inspection>) => ({
  id,
  data: { templateId: template.id, templateVersion: template.version, dwellingId: DWELLING, status: 'completed', answers: {}, startedAt: '2025-01-01T10:00:00Z', inspectorId: ME, ...data } as Inspection,
});
const firstNumber = template.sections.flatMap((s) => s.items).find((i) => i.kind === 'number' && !i.showWhen)!;
const firstYesNo = template.sections.flatMap((s) => s.items).find((i) => i.kind === 'yesNo' && !i.showWhen)!;

describe('new drafts', () => {
  it('picks the newest completed checklist of the template, ignoring drafts', () => {
    const list = [
      rec('a', { completedAt: '2024-05-01T10:00:00Z' }),
      rec('b', { completedAt: '2025-05-01T10:00:00Z' }),
      rec('c', { status: 'draft' }),
      rec('d', { templateId: 'neighbourhood', completedAt: '2026-01-01T10:00:00Z' }),
    ];
    expect(latestCompletedOf(list, template.id)?.id).toBe('b');
    expect(latestCompletedOf(list, template.id, 'b')?.id).toBe('a');
  });

  it('copies the previous answers into a valid draft, not sharing objects with the old record', () => {
    const previous = rec('p', { completedAt: '2025-05-01T10:00:00Z', answers: { [firstYesNo.id]: { value: true, note: 'sjekket' } } });
    const draft = draftFrom(template, DWELLING, ME, new Date('2026-11-27T10:00:00Z'), previous.data);
    expect(inspectionSchema.safeParse(draft).success).toBe(true);
    expect(draft).toMatchObject({ status: 'draft', startedAt: '2026-11-27T10:00:00.000Z', dwellingId: DWELLING, inspectorId: ME });
    expect(draft.answers[firstYesNo.id]).toEqual({ value: true, note: 'sjekket' });
    draft.answers[firstYesNo.id]!.note = 'endret';
    expect(previous.data.answers[firstYesNo.id]!.note).toBe('sjekket');
    expect(draftFrom(template, DWELLING, ME, new Date()).answers).toEqual({});
  });

  it('makes a revision that points back and is compared with the one it corrects', () => {
    const OLD = '22222222-2222-4222-8222-222222222222';
    const old = rec(OLD, { completedAt: '2025-05-01T10:00:00Z', answers: { [firstNumber.id]: { value: 3 } } });
    const newer = rec('newer', { completedAt: '2025-06-01T10:00:00Z' });
    const revision = revisionOf(old, template, ME, new Date('2026-01-01T00:00:00Z'));
    expect(inspectionSchema.safeParse(revision).success).toBe(true);
    expect(revision).toMatchObject({ revisionOf: OLD, status: 'draft', answers: { [firstNumber.id]: { value: 3 } } });
    expect(revision.completedAt).toBeUndefined();
    expect(previousCompleted({ id: 'rev', data: revision }, [old, newer])?.id).toBe(OLD);
  });

  it('compares a fresh draft with the newest completed checklist before it', () => {
    const a = rec('a', { completedAt: '2024-05-01T10:00:00Z' });
    const b = rec('b', { completedAt: '2025-05-01T10:00:00Z' });
    const draft = rec('x', { status: 'draft', startedAt: '2026-01-01T00:00:00Z' });
    expect(previousCompleted(draft, [a, b, draft])?.id).toBe('b');
    // A completed checklist looks back only to those completed before it.
    expect(previousCompleted({ ...a }, [a, b])).toBeUndefined();
  });

  it('lists the items whose answers changed, in template order, including newly answered ones', () => {
    const before = { [firstNumber.id]: { value: 2 }, [firstYesNo.id]: { value: true } };
    const after = { [firstNumber.id]: { value: 3 }, [firstYesNo.id]: { value: true } };
    expect(changesSince(template, after, before).map((c) => [c.item.id, c.before?.value, c.after?.value])).toEqual([[firstNumber.id, 2, 3]]);
    expect(changesSince(template, before, before)).toEqual([]);
    const noted = { ...before, [firstYesNo.id]: { value: true, note: 'ny merknad' } };
    expect(changesSince(template, noted, before).map((c) => c.item.id)).toEqual([firstYesNo.id]);
    expect(changesSince(template, before, {}).length).toBe(2);
  });

  it('compares a draft with a previous checklist of an older version in the draft’s version: nothing changed until an answer does', () => {
    const v2 = getTemplate(TEMPLATE_IDS.dwellingInspection, 2)!;
    expect(v1Completed.templateVersion).toBe(1);
    const draft = draftFrom(v2, DWELLING, ME, new Date('2026-11-27T10:00:00Z'), v1Completed);
    expect(draft.templateVersion).toBe(2);
    expect(draft.answers['rooms.list']?.entries?.map((e) => e.id)).toEqual(['b1', 'b2', 'b3']);
    // Read as stored, the version 1 answers differ from the room list everywhere it holds bedrooms.
    expect(changesSince(v2, draft.answers, v1Completed.answers).map((c) => c.item.id)).toContain('rooms.list');
    const previous = answersIn(v1Completed, v2);
    expect(changesSince(v2, draft.answers, previous)).toEqual([]);
    // The same record read twice gives the same object (worked out once), and a record in the draft's version as it is.
    expect(answersIn(v1Completed, v2)).toBe(previous);
    expect(answersIn(draft, v2)).toBe(draft.answers);
    expect(v1Completed.answers['bedroom1.ceilingHeightM']?.value).toBe(2.5);

    // One room's ceiling height changed: the room list is the one change, with the old height in the old entry.
    const list = draft.answers['rooms.list']!.entries!.map((e) => (e.id === 'b1' ? { ...e, answers: { ...e.answers, ceilingHeightM: { value: 2.7 } } } : e));
    const changed = changesSince(v2, { ...draft.answers, 'rooms.list': { entries: list } }, previous);
    expect(changed.map((c) => c.item.id)).toEqual(['rooms.list']);
    expect(changed[0]!.before?.entries?.find((e) => e.id === 'b1')?.answers.ceilingHeightM?.value).toBe(2.5);
    expect(changed[0]!.after?.entries?.find((e) => e.id === 'b1')?.answers.ceilingHeightM?.value).toBe(2.7);
  });
});
