// validateAnswers: what is missing or wrong, in words a person can act on; hidden items are not judged; never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isShown } from '../../../../src/core/checklist/isShown';
import { itemIndex } from '../../../../src/core/checklist/itemIndex';
import { sectionProgress } from '../../../../src/core/checklist/sectionProgress';
import { answerSchema, type Answers, type Item, type Template } from '../../../../src/core/checklist/template';
import { getTemplate, latestTemplate, TEMPLATE_IDS, templates } from '../../../../src/core/checklist/templates';
import { validateAnswers } from '../../../../src/core/checklist/validateAnswers';
import { goodA, goodB } from '../rules/fixture';

// Version 1, which the answers of rules/fixture.ts fill in.
const A = getTemplate(TEMPLATE_IDS.dwellingInspection, 1) as Template;
const B = latestTemplate(TEMPLATE_IDS.neighbourhood) as Template;
const v = (value: unknown, extra: object = {}) => ({ value, ...extra }) as Answers[string];
const problem = (t: Template, answers: Answers, id: string) => validateAnswers(t, answers).find((p) => p.itemId === id);

describe('validateAnswers', () => {
  it('finds nothing wrong with complete answers', () => {
    expect(validateAnswers(A, goodA())).toEqual([]);
    expect(validateAnswers(B, goodB())).toEqual([]);
  });

  it('says a required answer is missing, with its section', () => {
    const answers = goodB();
    delete answers['distances.busStopM'];
    expect(problem(B, answers, 'distances.busStopM')).toEqual({
      itemId: 'distances.busStopM',
      sectionId: 'distances',
      code: 'missing',
      message: { nb: 'Mangler svar', en: 'Answer missing' },
    });
  });

  it('names the bounds and the unit of a number out of range', () => {
    expect(problem(B, { ...goodB(), 'distances.busStopM': v(10001) }, 'distances.busStopM')?.message).toEqual({
      nb: 'Må være mellom 0 og 10 000 m',
      en: 'Must be between 0 and 10,000 m',
    });
    expect(problem(B, { ...goodB(), 'distances.busStopM': v(10000) }, 'distances.busStopM')).toBeUndefined();
    expect(problem(B, { ...goodB(), 'distances.busStopM': v(-1) }, 'distances.busStopM')?.code).toBe('invalid');
    expect(problem(A, { ...goodA(), 'bedrooms.count': v(2.5) }, 'bedrooms.count')?.message.nb).toBe('Må være et helt tall');
    expect(problem(A, { ...goodA(), 'radon.bqm3': v('80') }, 'radon.bqm3')?.message.en).toBe('Must be a number');
  });

  it('keeps text typed into a number field as text only: it is an invalid answer, never a value, never a rule input', () => {
    const answers = { ...goodB(), 'distances.busStopM': { typed: '−5' } } as Answers;
    expect(problem(B, answers, 'distances.busStopM')).toEqual({
      itemId: 'distances.busStopM',
      sectionId: 'distances',
      code: 'invalid',
      message: { nb: '«−5» er ikke et gyldig svar: skriv et tall fra 0 til 10 000 m', en: '"−5" is not a valid answer: enter a number from 0 to 10,000 m' },
    });
    // The record schema keeps the typed text through a save and a sync (no value with it).
    expect(answerSchema.parse({ typed: '−5' })).toEqual({ typed: '−5' });
  });

  it('asks for cause and consequence on TG2, and a cost estimate too on TG3, each in a field of its own', () => {
    expect(problem(A, { ...goodA(), 'condition.roof': v('TG2') }, 'condition.roof')).toMatchObject({
      code: 'invalid',
      message: { nb: 'TG2 krever årsak og konsekvens: fyll inn årsak og konsekvens', en: 'TG2 needs a cause and a consequence: fill in the cause and consequence' },
      fields: ['cause', 'consequence'],
    });
    expect(problem(A, { ...goodA(), 'condition.roof': v('TG2', { finding: { cause: 'Alder', consequence: 'Lekkasje' } }) }, 'condition.roof')).toBeUndefined();
    // A one-word note no longer stands in for the three parts of a TG3 finding.
    expect(problem(A, { ...goodA(), 'condition.roof': v('TG3', { note: 'lekkasje' }) }, 'condition.roof')).toMatchObject({
      message: { nb: 'TG3 krever årsak, konsekvens og kostnadsoverslag: fyll inn årsak, konsekvens og kostnadsoverslag' },
      fields: ['cause', 'consequence', 'costEstimate'],
    });
    const partial = v('TG3', { finding: { cause: 'Utett membran', consequence: '  ', costEstimate: '' } });
    expect(problem(A, { ...goodA(), 'condition.wetRooms': partial }, 'condition.wetRooms')).toMatchObject({
      message: { nb: 'TG3 krever årsak, konsekvens og kostnadsoverslag: fyll inn konsekvens og kostnadsoverslag' },
      fields: ['consequence', 'costEstimate'],
    });
    const whole = v('TG3', { finding: { cause: 'Utett membran', consequence: 'Fuktskade i bjelkelaget', costEstimate: '80 000 kr' } });
    expect(problem(A, { ...goodA(), 'condition.wetRooms': whole }, 'condition.wetRooms')).toBeUndefined();
    // The finding survives the record schema (a save and a sync).
    expect(answerSchema.parse(whole)).toEqual(whole);
  });

  it('asks a red risk for a measure, an owner, a deadline and the score after the measure; yellow and green need none', () => {
    const C = latestTemplate(TEMPLATE_IDS.riskAssessment) as Template;
    const red = { likelihood: 4, consequence: 3 };
    expect(problem(C, { 'risk.fire': v({ likelihood: 3, consequence: 3 }) }, 'risk.fire')).toBeUndefined();
    expect(problem(C, { 'risk.fire': v({ ...red, measure: 'Følges opp ved neste befaring', owner: 'Bygg og eiendom' }) }, 'risk.fire')).toMatchObject({
      code: 'invalid',
      message: {
        nb: 'Rød risiko krever tiltak, ansvarlig, frist og risiko etter tiltaket: fyll inn frist og risiko etter tiltaket',
        en: 'A red risk needs a measure, an owner, a deadline and the risk after the measure: fill in the deadline and risk after the measure',
      },
      fields: ['deadline', 'after'],
    });
    expect(problem(C, { 'risk.fire': v({ likelihood: 2, consequence: 5 }) }, 'risk.fire')?.fields).toEqual(['measure', 'owner', 'deadline', 'after']);
    expect(problem(C, { 'risk.fire': v({ ...red, measure: 'Røykvarslere', owner: 'Utleier', deadline: '2027-02-30', likelihoodAfter: 2 }) }, 'risk.fire')?.fields).toEqual(['deadline', 'after']);
    const done = { ...red, measure: 'Røykvarslere i alle rom', owner: 'Utleier', deadline: '2027-02-01', likelihoodAfter: 2, consequenceAfter: 3 };
    expect(problem(C, { 'risk.fire': v(done) }, 'risk.fire')).toBeUndefined();
    expect(answerSchema.parse(v(done))).toEqual(v(done));
  });

  it('rejects choices that are not options, and malformed risk, date and yes/no answers', () => {
    expect(problem(A, { ...goodA(), 'childSafety.pramAccess': v('elevator') }, 'childSafety.pramAccess')?.message.nb).toBe('Velg et av alternativene');
    expect(problem(A, { ...goodA(), 'fire.extinguisherCheckedDate': v('2026-02-30') }, 'fire.extinguisherCheckedDate')?.code).toBe('invalid');
    expect(problem(A, { ...goodA(), 'escape.exitToOpenAir': v('yes') }, 'escape.exitToOpenAir')?.code).toBe('invalid');
    const C = latestTemplate(TEMPLATE_IDS.riskAssessment) as Template;
    expect(problem(C, { 'risk.fire': v({ likelihood: 6, consequence: 1 }) }, 'risk.fire')?.code).toBe('invalid');
  });

  it('does not judge hidden items, and asks for items a condition reveals', () => {
    const answers = { ...goodA(), 'radon.documented': v(false), 'radon.bqm3': v(999999) };
    expect(problem(A, answers, 'radon.bqm3')).toBeUndefined();
    const revealed = { ...goodA(), 'bedrooms.count': v(3) };
    expect(validateAnswers(A, revealed).filter((p) => p.code === 'missing').map((p) => p.itemId)).toEqual([
      'bedroom3.ceilingHeightM',
      'bedroom3.openableWindow',
      'bedroom3.windowType',
    ]);
  });

  it('hides the dependants of a hidden item even when a stale answer is left on it', () => {
    const answers = { ...goodA(), 'bedrooms.count': v(0) };
    const width = itemIndex(A).get('bedroom1.windowWidthM')?.item as Item;
    expect(isShown(width, answers, A)).toBe(false);
    // Without the template there is no cascade: the windowType answer alone would show it.
    expect(isShown(width, { 'bedrooms.count': v(1), 'bedroom1.windowType': v('wall') })).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    const ids = templates.flatMap((t) => t.sections.flatMap((s) => s.items.map((i) => i.id)));
    const answer = fc.oneof(fc.anything(), fc.record({ value: fc.anything(), note: fc.anything(), photos: fc.anything(), finding: fc.anything() }, { requiredKeys: [] }));
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...ids, '__proto__', 'constructor'), answer)), (template, answers) => {
        const problems = validateAnswers(template, answers);
        expect(Array.isArray(problems)).toBe(true);
        for (const p of problems) expect(p.message.nb.length * p.message.en.length).toBeGreaterThan(0);
        expect(sectionProgress(template, answers)).toHaveLength(template.sections.length);
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });
});

describe('sectionProgress', () => {
  it('counts shown, answered and required items per section', () => {
    const progress = sectionProgress(A, { 'bedrooms.count': v(1), 'bedroom1.ceilingHeightM': v(2.5) });
    const bedrooms = progress.find((p) => p.sectionId === 'bedrooms');
    expect(bedrooms).toMatchObject({ shown: 4, answered: 2, required: 4, requiredAnswered: 2, complete: false });
    const full = sectionProgress(A, goodA());
    expect(full.every((p) => p.complete)).toBe(true);
  });
});
