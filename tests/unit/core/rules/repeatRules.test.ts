// Rules over the room list (dwelling inspection version 2): every bedroom's area, ceiling and windows, with the actual
// values in the reasons, at the boundaries; and the bedrooms meeting the standard, which matching counts.
import { describe, expect, it } from 'vitest';
import type { Answer, Answers } from '../../../../src/core/checklist/template';
import { TEMPLATE_IDS } from '../../../../src/core/checklist/templates';
import { migrateDwellingInspectionV1 } from '../../../../src/core/checklist/templates/dwellingInspection';
import { matchDwellings } from '../../../../src/core/matching/match';
import { toMatchCandidates } from '../../../../src/core/matching/toMatchCandidates';
import { assessDwelling, standardBedrooms, verdictOf } from '../../../../src/core/rules/assessDwelling';
import { ruleSetV2 } from '../../../../src/core/rules/defaultRuleSet';
import type { Inspection } from '../../../../src/core/schemas/inspection';
import { completed, goodA, goodDwelling, goodInspections } from './fixture';

type Entry = { id: string; answers: Record<string, Answer> };

/** Template A version 2 answers that pass every rule: goodA's two bedrooms as rooms of 3 × 3 m, and a kitchen. */
function goodA2(change: (rooms: Entry[]) => void = () => undefined): Answers {
  const a = migrateDwellingInspectionV1(goodA());
  const rooms = a['rooms.list']!.entries!;
  for (const r of rooms) Object.assign(r.answers, { lengthM: { value: 3 }, widthM: { value: 3 }, smokeDetector: { value: true }, grade: { value: 'TG1' } });
  rooms.push({ id: 'k', answers: { name: { value: 'Kjøkken' }, type: { value: 'kitchen' }, lengthM: { value: 2 }, widthM: { value: 2 }, smokeDetector: { value: true }, grade: { value: 'TG1' } } });
  change(rooms);
  return a;
}

function inspections(a: Answers): Inspection[] {
  const [, b, c] = goodInspections();
  return [{ ...completed(TEMPLATE_IDS.dwellingInspection, a), templateVersion: 2 }, b!, c!];
}

const rule = (a: Answers) => assessDwelling(goodDwelling(), inspections(a), ruleSetV2).rules.find((r) => r.ruleId === '3plus.bedroomRooms')!;
const setIn = (n: number, answers: Record<string, Answer>) => (rooms: Entry[]) => Object.assign(rooms[n]!.answers, answers);

describe('rules over the room list', () => {
  it('passes every rule with good rooms: suited for 0–3, bedroom standard and escape windows read from the rooms', () => {
    const result = assessDwelling(goodDwelling(), inspections(goodA2()), ruleSetV2);
    expect(result.verdict).toBe('suited0to3');
    expect(result.rules.find((r) => r.ruleId === '3plus.bedroomRooms')?.reason.nb).toBe('Soverommene: alle 2 oppfyller kravene');
    expect(result.rules.find((r) => r.ruleId === 'gate.escapeWindows')?.reason.nb).toBe('Rømningsvinduer: gyldig i 2 av 2 soverom — minst 1 kreves');
  });

  it.each([
    // length × width of bedroom 2, status, reason
    [2.8, 2.5, 'passed', undefined],
    [2.5, 2.8, 'passed', undefined],
    // The area is read as shown, to one decimal: 6.972 m² is 7.0 m².
    [2.8, 2.49, 'passed', undefined],
    [2.8, 2.48, 'failed', 'Soverommene: Soverom 2: 6,9 m² — minst 7 m²'],
    [3.1, 2, 'failed', 'Soverommene: Soverom 2: 6,2 m² — minst 7 m²'],
  ] as const)('a bedroom of %s × %s m: %s', (l, w, status, reason) => {
    const r = rule(goodA2(setIn(1, { lengthM: { value: l }, widthM: { value: w } })));
    expect(r.status).toBe(status);
    if (reason) expect(r.reason.nb).toBe(reason);
  });

  it.each([
    [2.4, 'passed'],
    [2.39, 'failed'],
  ] as const)('a ceiling of %s m: %s', (h, status) => {
    const r = rule(goodA2(setIn(0, { ceilingHeightM: { value: h } })));
    expect(r.status).toBe(status);
    if (status === 'failed') expect(r.reason.nb).toBe('Soverommene: Soverom 1: 2,39 m — minst 2,4 m');
  });

  it('fails a bedroom without an opening window or a valid escape window, and says which', () => {
    expect(rule(goodA2(setIn(0, { openableWindow: { value: false } }))).reason.nb).toBe('Soverommene: Soverom 1: mangler vindu eller dør som kan åpnes');
    expect(rule(goodA2(setIn(1, { windowWidthM: { value: 0.49 } }))).reason.en).toBe('The bedrooms: Bedroom 2: the escape window is too small or too high');
    expect(rule(goodA2(setIn(1, { windowType: { value: 'roof' } }))).status).toBe('failed');
  });

  it('reads only bedrooms: a small kitchen passes', () => {
    expect(rule(goodA2(setIn(2, { lengthM: { value: 1 } }))).status).toBe('passed');
  });

  it('is open while a bedroom lacks an answer, naming the room and the item; a room without a type is open too', () => {
    const r = rule(goodA2((rooms) => delete rooms[1]!.answers['widthM']));
    expect(r.status).toBe('missing');
    expect(r.reason.nb).toBe('Soverommene: mangler svar på «Soverom 2: gulvareal (lengde × bredde)»');
    const untyped = rule(goodA2((rooms) => delete rooms[2]!.answers['type']));
    expect(untyped.status).toBe('missing');
    expect(untyped.reason.nb).toBe('Soverommene: mangler svar på «Rom 3: romtype»');
  });

  it('counts the bedrooms meeting the standard, and matching uses them', () => {
    const dwelling = goodDwelling({ approvedBedrooms: 2 });
    const small = inspections(goodA2(setIn(1, { lengthM: { value: 2 } })));
    expect(standardBedrooms(dwelling, inspections(goodA2()), ruleSetV2)).toBe(2);
    expect(standardBedrooms(dwelling, small, ruleSetV2)).toBe(1);
    expect(standardBedrooms(dwelling, goodInspections(), ruleSetV2)).toBeUndefined();
    const withIds = small.map((d, i) => ({ ...d, id: `i${i}`, dwellingId: 'd1' }));
    const candidates = toMatchCandidates([{ ...dwelling, id: 'd1' }], withIds, { d1: verdictOf(dwelling, small, ruleSetV2) }, undefined, ruleSetV2);
    expect(candidates[0]!.standardBedrooms).toBe(1);
    const result = matchDwellings({ adults: 2, childAges: [4, 7], stepFree: false, preferredAreas: [] }, candidates);
    const reasons = [...result.matches, ...result.excluded].flatMap((m) => m.reasons).filter((r) => r.kind === 'bedrooms');
    expect(reasons[0]?.text.nb).toBe('2 godkjente soverom, 1 oppfyller kravene — trenger 2');
  });

  it('escape windows: every second bedroom of the list, when the exit is by stairs', () => {
    const one = goodA2(setIn(1, { windowType: { value: 'none' } }));
    const r = assessDwelling(goodDwelling(), inspections(one), ruleSetV2).rules.find((x) => x.ruleId === 'gate.escapeWindows')!;
    expect(r.status).toBe('passed');
    const none = goodA2((rooms) => [0, 1].forEach((n) => Object.assign(rooms[n]!.answers, { windowType: { value: 'none' } })));
    const r2 = assessDwelling(goodDwelling(), inspections(none), ruleSetV2).rules.find((x) => x.ruleId === 'gate.escapeWindows')!;
    expect(r2.status).toBe('failed');
    expect(r2.reason.nb).toContain('soverom 1: ingen vindu som kan åpnes');
  });
});
