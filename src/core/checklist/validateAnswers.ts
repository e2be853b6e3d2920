/** Checks answers against a template: what is missing or wrong, item by item, in words a person can act on. */
import { formatNumber } from '../format/formatNumber';
import type { LocalText } from '../text';
import { FOLLOW_UP_NAMES, followUpGaps, listText, type FindingField, type RedRiskField } from './followUp';
import { evidenceGaps, type EvidenceGap } from './evidence';
import { entriesOf, entryView } from './formula';
import { isAnswered } from './isAnswered';
import { isShown } from './isShown';
import { entryTitle } from './repeat';
import { GRADES, riskValueSchema, type Item, type LeafItem, type RepeatItem, type Template } from './template';
import { UNIT_TEXT } from './unitText';

/**
 * One problem with one item: `missing` (a required answer is absent) or `invalid` (the answer cannot be right).
 * `fields` names the parts of a TG2/TG3 finding or a red risk's follow-up that are still empty, in order.
 */
export type AnswerProblem = {
  itemId: string;
  sectionId: string;
  /** `evidence`: a failed answer still lacks the photo or note its item asks for (`evidence` names which). */
  code: 'missing' | 'invalid' | 'evidence';
  message: LocalText;
  fields?: (FindingField | RedRiskField)[];
  evidence?: EvidenceGap[];
  /** In a repeat group: the entry (its id, place and name) and the entry's item the problem is on. */
  entry?: { id: string; index: number; title: LocalText; itemId: string };
};

const MISSING: LocalText = { nb: 'Mangler svar', en: 'Answer missing' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function withUnit(n: number, item: Extract<Item, { kind: 'number' }>, lang: 'nb' | 'en'): string {
  const unit = UNIT_TEXT[item.unit][lang];
  return unit ? `${formatNumber(n, lang)} ${unit}` : formatNumber(n, lang);
}

/** The problem with a given (non-blank) value for this item, or null when it is acceptable. */
export function valueProblem(item: Item | LeafItem, answer: { value?: unknown; note?: unknown; photos?: unknown; entries?: unknown }): LocalText | null {
  const value = answer.value;
  switch (item.kind) {
    case 'calc':
      return null;
    case 'repeat':
      return Array.isArray(answer.entries) ? null : { nb: 'Oppføringene mangler', en: 'The entries are missing' };
    case 'yesNo':
      return typeof value === 'boolean' ? null : { nb: 'Svar ja eller nei', en: 'Answer yes or no' };
    case 'grade': {
      return GRADES.includes(value as never) ? null : { nb: 'Velg TG0, TG1, TG2, TG3 eller TGIU', en: 'Choose TG0, TG1, TG2, TG3 or TGIU' };
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { nb: 'Må være et tall', en: 'Must be a number' };
      if (value < item.min || value > item.max) {
        return {
          nb: `Må være mellom ${formatNumber(item.min, 'nb')} og ${withUnit(item.max, item, 'nb')}`,
          en: `Must be between ${formatNumber(item.min, 'en')} and ${withUnit(item.max, item, 'en')}`,
        };
      }
      if (item.integer && !Number.isInteger(value)) return { nb: 'Må være et helt tall', en: 'Must be a whole number' };
      return null;
    }
    case 'choice':
      return typeof value === 'string' && item.options.some((o) => o.value === value)
        ? null
        : { nb: 'Velg et av alternativene', en: 'Choose one of the options' };
    case 'multiChoice':
      return Array.isArray(value) && value.every((v) => item.options.some((o) => o.value === v)) && new Set(value).size === value.length
        ? null
        : { nb: 'Velg blant alternativene, hvert bare én gang', en: 'Choose among the options, each once' };
    case 'risk':
      return riskValueSchema.safeParse(value).success
        ? null
        : { nb: 'Velg sannsynlighet og konsekvens, 1–5 hver', en: 'Choose a likelihood and a consequence, 1–5 each' };
    case 'date':
      return typeof value === 'string' && validDate(value) ? null : { nb: 'Må være en gyldig dato (ÅÅÅÅ-MM-DD)', en: 'Must be a valid date (YYYY-MM-DD)' };
    case 'text':
      if (typeof value !== 'string') return { nb: 'Må være tekst', en: 'Must be text' };
      return value.length > item.maxLength
        ? {
            nb: `Teksten er for lang: høyst ${formatNumber(item.maxLength, 'nb')} tegn`,
            en: `The text is too long: at most ${formatNumber(item.maxLength, 'en')} characters`,
          }
        : null;
    case 'photos': {
      const photos = answer.photos;
      if (!Array.isArray(photos)) return { nb: 'Bildene mangler', en: 'The photos are missing' };
      return photos.length > item.maxPhotos
        ? { nb: `Høyst ${item.maxPhotos} bilder`, en: `At most ${item.maxPhotos} photos` }
        : null;
    }
  }
}

/**
 * What a valid TG2/TG3 grade or red risk still lacks before the checklist can be completed, or null. Not part of
 * valueProblem: the rules read the grade or score itself, and a checklist completed before these fields existed
 * keeps counting.
 */
export function followUpProblem(item: Item | LeafItem, answer: unknown): LocalText | null {
  const gaps = followUpGaps(item.kind, answer);
  if (gaps.length === 0) return null;
  const fill = listText(gaps.map((g) => FOLLOW_UP_NAMES[g]));
  if (item.kind === 'risk') {
    return {
      nb: `Rød risiko krever tiltak, ansvarlig, frist og risiko etter tiltaket: fyll inn ${fill.nb}`,
      en: `A red risk needs a measure, an owner, a deadline and the risk after the measure: fill in the ${fill.en}`,
    };
  }
  return (answer as { value?: unknown }).value === 'TG3'
    ? { nb: `TG3 krever årsak, konsekvens og kostnadsoverslag: fyll inn ${fill.nb}`, en: `TG3 needs a cause, a consequence and a cost estimate: fill in the ${fill.en}` }
    : { nb: `TG2 krever årsak og konsekvens: fyll inn ${fill.nb}`, en: `TG2 needs a cause and a consequence: fill in the ${fill.en}` };
}

/** Why text kept as typed is not an answer: the item's range when it has one. */
function typedProblem(item: Item | LeafItem, typed: string): LocalText {
  const shown = typed.trim().slice(0, 40);
  if (item.kind === 'number') {
    return {
      nb: `«${shown}» er ikke et gyldig svar: skriv et tall fra ${formatNumber(item.min, 'nb')} til ${withUnit(item.max, item, 'nb')}`,
      en: `"${shown}" is not a valid answer: enter a number from ${formatNumber(item.min, 'en')} to ${withUnit(item.max, item, 'en')}`,
    };
  }
  return { nb: `«${shown}» er ikke et gyldig svar`, en: `"${shown}" is not a valid answer` };
}

/** What evidence a failed answer still needs, in words that say why. */
function evidenceProblem(gaps: EvidenceGap[]): LocalText {
  if (gaps.length === 2) return { nb: 'Svaret krever bilde og merknad: legg ved et bilde og skriv en merknad', en: 'This answer needs a photo and a note: attach a photo and write a note' };
  return gaps[0] === 'photo'
    ? { nb: 'Svaret krever bilde: legg ved et bilde', en: 'This answer needs a photo: attach a photo' }
    : { nb: 'Svaret krever merknad: skriv en merknad', en: 'This answer needs a note: write a note' };
}

type Where = { sectionId: string; itemId: string; entry?: AnswerProblem['entry'] };

/** The problems of one shown answerable item (not a repeat, not a calculated value). */
function checkItem(item: Item | LeafItem, answer: unknown, at: Where, problems: AnswerProblem[]): void {
  const base = { itemId: at.itemId, sectionId: at.sectionId, ...(at.entry ? { entry: at.entry } : {}) };
  const typed = typeof answer === 'object' && answer !== null ? (answer as { typed?: unknown }).typed : undefined;
  if (typeof typed === 'string' && typed.trim() !== '') {
    problems.push({ ...base, code: 'invalid', message: typedProblem(item, typed) });
    return;
  }
  if (!isAnswered(item, answer)) {
    if (item.required) problems.push({ ...base, code: 'missing', message: MISSING });
    return;
  }
  const problem = valueProblem(item, answer as { value?: unknown });
  if (problem) {
    problems.push({ ...base, code: 'invalid', message: problem });
    return;
  }
  const followUp = followUpProblem(item, answer);
  if (followUp) problems.push({ ...base, code: 'invalid', message: followUp, fields: followUpGaps(item.kind, answer) });
  const gaps = evidenceGaps(item, answer);
  if (gaps.length > 0) problems.push({ ...base, code: 'evidence', message: evidenceProblem(gaps), evidence: gaps });
}

/** The problems of a repeat group: too few entries, then each entry's own items (its conditions read the entry only). */
function checkRepeat(repeat: RepeatItem, answer: unknown, sectionId: string, problems: AnswerProblem[]): void {
  const entries = entriesOf(answer);
  if (entries.length === 0 && repeat.required && repeat.minEntries === 0) {
    problems.push({ itemId: repeat.id, sectionId, code: 'missing', message: { nb: `Legg til minst én: ${repeat.entryLabel.nb.toLowerCase()}`, en: `Add at least one ${repeat.entryLabel.en.toLowerCase()}` } });
  } else if (entries.length < repeat.minEntries) {
    problems.push({
      itemId: repeat.id,
      sectionId,
      code: 'missing',
      message: { nb: `Legg til minst ${repeat.minEntries} (nå ${entries.length})`, en: `Add at least ${repeat.minEntries} (now ${entries.length})` },
    });
  }
  entries.forEach((entry, index) => {
    const view = entryView(repeat, entry);
    const title = entryTitle(repeat, entry, index);
    for (const sub of repeat.items) {
      if (sub.kind === 'calc' || !isShown(sub, view)) continue;
      const a = Object.hasOwn(entry.answers, sub.id) ? entry.answers[sub.id] : undefined;
      checkItem(sub, a, { sectionId, itemId: repeat.id, entry: { id: entry.id, index, title, itemId: sub.id } }, problems);
    }
  });
}

/**
 * Every problem with the answers to a shown item: missing required answers and answers that cannot be right.
 * Hidden items are not checked (their answers are kept, not judged). Never throws, whatever `answers` holds.
 */
export function validateAnswers(template: Template, answers: unknown): AnswerProblem[] {
  const map: Readonly<Record<string, unknown>> = typeof answers === 'object' && answers !== null && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
  const problems: AnswerProblem[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      if (item.kind === 'calc' || !isShown(item, map, template)) continue;
      const answer = Object.hasOwn(map, item.id) ? map[item.id] : undefined;
      if (item.kind === 'repeat') checkRepeat(item, answer, section.id, problems);
      else checkItem(item, answer, { sectionId: section.id, itemId: item.id }, problems);
    }
  }
  return problems;
}
