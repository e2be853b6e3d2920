// Repeat groups, calculated values and evidence: entry operations, per-entry validation, formulas over answers and entries.
import { describe, expect, it } from 'vitest';
import { evidenceGaps } from '../../../../src/core/checklist/evidence';
import { calcValue, entryScope, entryView } from '../../../../src/core/checklist/formula';
import { missingAnswers } from '../../../../src/core/checklist/missingAnswers';
import { addEntry, duplicateEntry, entryTitle, moveEntry, removeEntry, restoreEntry } from '../../../../src/core/checklist/repeat';
import { templateSchema, type Answer, type Item, type RepeatItem } from '../../../../src/core/checklist/template';
import { getTemplate, TEMPLATE_IDS } from '../../../../src/core/checklist/templates';
import { validateAnswers } from '../../../../src/core/checklist/validateAnswers';
import { inspectionSchema } from '../../../../src/core/schemas/inspection';

const v2 = getTemplate(TEMPLATE_IDS.dwellingInspection, 2)!;
const rooms = v2.sections.flatMap((s) => s.items).find((i) => i.id === 'rooms.list') as RepeatItem;
const PHOTO = { sha256: 'b'.repeat(64), mime: 'image/jpeg' as const, takenAt: '2026-02-01T10:00:00Z' };

/** A bedroom with every answer that passes. */
function bedroom(over: Record<string, Answer> = {}): Record<string, Answer> {
  return {
    name: { value: 'Soverom' },
    type: { value: 'bedroom' },
    lengthM: { value: 3 },
    widthM: { value: 3 },
    ceilingHeightM: { value: 2.4 },
    openableWindow: { value: true },
    windowType: { value: 'wall' },
    windowWidthM: { value: 0.6 },
    windowHeightM: { value: 0.9 },
    sillHeightM: { value: 0.9 },
    dropToGroundM: { value: 3 },
    smokeDetector: { value: true },
    grade: { value: 'TG1' },
    ...over,
  };
}

describe('entries of a repeat group', () => {
  let ids = 0;
  const id = () => `e${++ids}`;
  it('adds, duplicates (without photos), moves, removes and restores entries in place', () => {
    let a: Answer | null = addEntry(undefined, bedroom({ photos: { photos: [PHOTO] } }), id());
    a = addEntry(a, { name: { value: 'Stue' }, type: { value: 'living' } }, id());
    a = duplicateEntry(a, 'e1', id());
    expect(a!.entries!.map((e) => e.id)).toEqual(['e1', 'e3', 'e2']);
    expect(a!.entries![1]!.answers['photos']).toBeUndefined();
    expect(a!.entries![1]!.answers['lengthM']).toEqual({ value: 3 });
    a = moveEntry(a, 'e2', -1);
    expect(a!.entries!.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(moveEntry(a, 'e1', -1)!.entries!.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    const { answer, removed, index } = removeEntry(a!, 'e2');
    expect(answer!.entries!.map((e) => e.id)).toEqual(['e1', 'e3']);
    const back = restoreEntry(answer!, removed!, index);
    expect(back.entries!.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    // Undo twice does not make two.
    expect(restoreEntry(back, removed!, index).entries).toHaveLength(3);
    expect(removeEntry({ entries: [{ id: 'x', answers: {} }] }, 'x').answer).toBeNull();
    expect(inspectionSchema.shape.answers.safeParse({ 'rooms.list': back }).success).toBe(true);
  });

  it('names an entry by its title item, else by number', () => {
    expect(entryTitle(rooms, { id: 'a', answers: { name: { value: ' Soverom mot hagen ' } } }, 0)).toEqual({ nb: 'Soverom mot hagen', en: 'Soverom mot hagen' });
    expect(entryTitle(rooms, { id: 'a', answers: {} }, 2)).toEqual({ nb: 'Rom 3', en: 'Room 3' });
  });
});

describe('validating repeat entries', () => {
  it('checks each entry on its own, naming the entry and its item, with conditions read inside the entry', () => {
    const answers = {
      'rooms.list': {
        entries: [
          { id: 'ok', answers: bedroom() },
          { id: 'kitchen', answers: { name: { value: 'Kjøkken' }, type: { value: 'kitchen' }, lengthM: { value: 3 }, widthM: { value: 2 }, smokeDetector: { value: true }, grade: { value: 'TG0' } } },
          { id: 'bad', answers: bedroom({ lengthM: { value: 40 }, windowWidthM: undefined as never }) },
        ],
      },
    };
    delete (answers['rooms.list'].entries[2]!.answers as Record<string, unknown>)['windowWidthM'];
    const problems = validateAnswers(v2, answers).filter((p) => p.itemId === 'rooms.list');
    expect(problems.map((p) => [p.entry?.id, p.entry?.index, p.entry?.itemId, p.code])).toEqual([
      ['bad', 2, 'lengthM', 'invalid'],
      ['bad', 2, 'windowWidthM', 'missing'],
    ]);
    expect(problems[0]!.entry!.title).toEqual({ nb: 'Soverom', en: 'Soverom' });
    expect(missingAnswers(v2, answers)).toContain('rooms.list');
  });

  it('asks for at least one room', () => {
    const problems = validateAnswers(v2, {}).filter((p) => p.itemId === 'rooms.list');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('missing');
    expect(problems[0]!.entry).toBeUndefined();
  });
});

describe('evidence when an answer fails', () => {
  const grade = v2.sections.flatMap((s) => s.items).find((i) => i.id === 'condition.roof')!;
  const smoke = rooms.items.find((i) => i.id === 'smokeDetector')!;
  it.each([
    ['TG0', [], []],
    ['TG1', [], []],
    ['TG2', [], ['photo']],
    ['TG3', [], ['photo']],
    ['TG3', [PHOTO], []],
    ['TGIU', [], []],
  ] as const)('a condition grade %s with %j photos lacks %j', (value, photos, gaps) => {
    expect(evidenceGaps(grade, { value, photos: [...photos] })).toEqual(gaps);
  });

  it('asks a note for "no" on a smoke detector, and completion is refused until it is there', () => {
    expect(evidenceGaps(smoke, { value: false })).toEqual(['note']);
    expect(evidenceGaps(smoke, { value: false, note: '  ' })).toEqual(['note']);
    expect(evidenceGaps(smoke, { value: false, note: 'Mangler' })).toEqual([]);
    expect(evidenceGaps(smoke, { value: true })).toEqual([]);
    const answers = { 'rooms.list': { entries: [{ id: 'r', answers: bedroom({ smokeDetector: { value: false }, grade: { value: 'TG2' } }) }] } };
    const problems = validateAnswers(v2, answers).filter((p) => p.code === 'evidence');
    expect(problems.map((p) => [p.entry?.itemId, p.evidence, p.message.nb])).toEqual([
      ['smokeDetector', ['note'], 'Svaret krever merknad: skriv en merknad'],
      ['grade', ['photo'], 'Svaret krever bilde: legg ved et bilde'],
    ]);
  });

  it('asks evidence for a number out of range', () => {
    const item = { id: 'x', kind: 'number', unit: 'bqm3', min: 0, max: 5000, integer: true, required: false, label: { nb: 'x', en: 'x' }, evidence: { when: { op: 'gt', value: 200 }, photo: true, note: true } } as Item;
    expect(evidenceGaps(item, { value: 200 })).toEqual([]);
    expect(evidenceGaps(item, { value: 201 })).toEqual(['photo', 'note']);
  });

  it('refuses evidence that asks for nothing', () => {
    const t = structuredClone(v2) as unknown as { sections: { items: Record<string, unknown>[] }[] };
    t.sections[0]!.items[0]!['evidence'] = { when: { op: 'eq', value: false } };
    expect(templateSchema.safeParse(t).success).toBe(false);
  });
});

describe('calculated values', () => {
  const area = rooms.items.find((i) => i.id === 'areaM2') as Extract<Item, { kind: 'calc' }>;
  it.each([
    [3, 2.4, 7.2],
    [2.9, 2.41, 7],
    [3.333, 3, 10],
  ])('a room of %s × %s m has %s m²', (l, w, m2) => {
    expect(calcValue(area, entryScope(rooms, { lengthM: { value: l }, widthM: { value: w } }))).toBe(m2);
  });

  it('has no value while a length or width is missing, and is never typed: the view overrides what is stored', () => {
    expect(calcValue(area, entryScope(rooms, { lengthM: { value: 3 } }))).toBeUndefined();
    expect(entryView(rooms, { id: 'a', answers: { lengthM: { value: 2 }, widthM: { value: 2 }, areaM2: { value: 99 } } })['areaM2']).toEqual({ value: 4 });
  });

  it('counts entries and gives a share, over the room list', () => {
    const items = v2.sections.flatMap((s) => s.items);
    const bedrooms = items.find((i) => i.id === 'rooms.bedrooms') as Extract<Item, { kind: 'calc' }>;
    const share = items.find((i) => i.id === 'rooms.smokeDetectorShare') as Extract<Item, { kind: 'calc' }>;
    const answers = {
      'rooms.list': {
        entries: [
          { id: 'a', answers: bedroom() },
          { id: 'b', answers: bedroom({ smokeDetector: { value: false } }) },
          { id: 'c', answers: { type: { value: 'kitchen' }, smokeDetector: { value: true } } },
        ],
      },
    };
    const scope = { answers, item: (id: string) => items.find((i) => i.id === id) };
    expect(calcValue(bedrooms, scope)).toBe(2);
    expect(calcValue(share, scope)).toBe(67);
    expect(calcValue(share, { answers: {}, item: scope.item })).toBeUndefined();
    expect(calcValue(bedrooms, { answers: {}, item: scope.item })).toBe(0);
  });

  it('computes a risk score from a risk answer', () => {
    const score = { id: 's', kind: 'calc', unit: 'score', decimals: 0, required: false, label: { nb: 's', en: 's' }, formula: { op: 'mul', args: [{ item: 'r', field: 'likelihood' }, { item: 'r', field: 'consequence' }] } } as Extract<Item, { kind: 'calc' }>;
    const risk = { id: 'r', kind: 'risk', required: false, label: { nb: 'r', en: 'r' } } as Item;
    const scope = (value: unknown) => ({ answers: { r: { value } }, item: (id: string) => (id === 'r' ? risk : id === 's' ? score : undefined) });
    expect(calcValue(score, scope({ likelihood: 4, consequence: 3 }))).toBe(12);
    expect(calcValue(score, scope(undefined))).toBeUndefined();
  });
});
