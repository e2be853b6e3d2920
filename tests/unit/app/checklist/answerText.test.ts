// Answers in words, as the read-only checklist and "changed since last time" show them.
import { describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '../../../../src/core/checklist/template';
import { answerDetails, answerText } from '../../../../src/app/screens/checklist/answerText';

const label = { nb: 'S', en: 'Q' };
const item = (raw: Record<string, unknown>): Item => itemSchema.parse({ id: 'x', label, ...raw });
const photo = { sha256: 'a'.repeat(64), mime: 'image/jpeg' as const, takenAt: '2026-11-27T10:00:00Z' };

describe('answerText', () => {
  it('says "not answered" for a missing or empty answer', () => {
    expect(answerText(item({ kind: 'yesNo' }), undefined)).toEqual({ nb: 'Ikke besvart', en: 'Not answered' });
    expect(answerText(item({ kind: 'multiChoice', options: [{ value: 'a', label }, { value: 'b', label }] }), { value: [] }).nb).toBe('Ikke besvart');
  });

  it('writes each kind in both languages', () => {
    expect(answerText(item({ kind: 'yesNo' }), { value: false })).toEqual({ nb: 'Nei', en: 'No' });
    expect(answerText(item({ kind: 'grade' }), { value: 'TG2' })).toEqual({ nb: 'TG2 – Vesentlige avvik', en: 'TG2 – Significant deviation' });
    expect(answerText(item({ kind: 'number', unit: 'm', min: 0, max: 5 }), { value: 2.4 })).toEqual({ nb: '2,4 m', en: '2.4 m' });
    expect(answerText(item({ kind: 'number', unit: 'count', min: 0, max: 9 }), { value: 3 })).toEqual({ nb: '3', en: '3' });
    const options = [{ value: 'wall', label: { nb: 'Vindu i vegg', en: 'Wall window' } }, { value: 'roof', label: { nb: 'Takvindu', en: 'Roof window' } }];
    expect(answerText(item({ kind: 'choice', options }), { value: 'roof' })).toEqual({ nb: 'Takvindu', en: 'Roof window' });
    expect(answerText(item({ kind: 'multiChoice', options }), { value: ['wall', 'roof'] }).nb).toBe('Vindu i vegg, Takvindu');
    expect(answerText(item({ kind: 'risk' }), { value: { likelihood: 3, consequence: 4 } })).toEqual({ nb: 'S3 × K4 = 12 (rød)', en: 'L3 × C4 = 12 (red)' });
    expect(answerText(item({ kind: 'risk' }), { value: { likelihood: 1, consequence: 4 } }).nb).toBe('S1 × K4 = 4 (grønn)');
    expect(answerText(item({ kind: 'risk' }), { value: { likelihood: 3, consequence: 3 } }).nb).toBe('S3 × K3 = 9 (gul)');
    expect(answerText(item({ kind: 'date' }), { value: '2026-03-15' })).toEqual({ nb: '15. mars 2026', en: '15 Mar 2026' });
    expect(answerText(item({ kind: 'photos' }), { photos: [photo, photo] })).toEqual({ nb: '2 bilder', en: '2 photos' });
  });
});

describe('answerDetails', () => {
  const lines = (details: ReturnType<typeof answerDetails>) => details.map((d) => `${d.label.nb}: ${d.text.nb}`);

  it("shows a TG2/TG3 finding's parts under the grade, and nothing of one left on a lower grade", () => {
    const finding = { cause: 'Utett beslag', consequence: 'Råte', costEstimate: '40 000 kr' };
    expect(lines(answerDetails(item({ kind: 'grade' }), { value: 'TG3', finding }))).toEqual(['Årsak: Utett beslag', 'Konsekvens: Råte', 'Kostnadsoverslag: 40 000 kr']);
    expect(lines(answerDetails(item({ kind: 'grade' }), { value: 'TG2', finding: { cause: 'Alder', consequence: ' ' } }))).toEqual(['Årsak: Alder']);
    expect(answerDetails(item({ kind: 'grade' }), { value: 'TG1', finding })).toEqual([]);
    expect(answerDetails(item({ kind: 'grade' }), undefined)).toEqual([]);
  });

  it("shows a risk's measure, owner, deadline and score after the measure, each when given", () => {
    const risk = { likelihood: 4, consequence: 3, measure: 'Røykvarslere i alle rom', owner: 'Utleier', deadline: '2027-03-01', likelihoodAfter: 2, consequenceAfter: 3 };
    expect(lines(answerDetails(item({ kind: 'risk' }), { value: risk }))).toEqual([
      'Tiltak: Røykvarslere i alle rom',
      'Ansvarlig: Utleier',
      `Frist: ${answerText(item({ kind: 'date' }), { value: '2027-03-01' }).nb}`,
      'Risiko etter tiltaket: S2 × K3 = 6 (gul)',
    ]);
    expect(answerDetails(item({ kind: 'risk' }), { value: risk }).at(-1)?.text.en).toBe('L2 × C3 = 6 (yellow)');
    expect(lines(answerDetails(item({ kind: 'risk' }), { value: { likelihood: 4, consequence: 4, measure: 'Følges opp', likelihoodAfter: 2 } }))).toEqual(['Tiltak: Følges opp']);
    expect(answerDetails(item({ kind: 'risk' }), { value: { likelihood: 1, consequence: 2 } })).toEqual([]);
  });
});
