/**
 * What a serious finding must carry before a checklist can be completed. A condition grade TG2 needs its cause and
 * consequence, TG3 also a cost estimate (NS 3600), each in a field of its own; a red risk (NS 5814, score in the red
 * band) needs a measure, who owns it, a deadline and the score after the measure.
 */
import { riskBand } from '../rules/risk';
import type { LocalText } from '../text';

/** The parts of a TG2/TG3 finding, in the order they are asked. */
export const FINDING_FIELDS = ['cause', 'consequence', 'costEstimate'] as const;
export type FindingField = (typeof FINDING_FIELDS)[number];

/** The parts of a red risk's follow-up, in the order they are asked. */
export const RED_RISK_FIELDS = ['measure', 'owner', 'deadline', 'after'] as const;
export type RedRiskField = (typeof RED_RISK_FIELDS)[number];

/** The fields as a person names them (lower case, to be put in a sentence). */
export const FOLLOW_UP_NAMES: Record<FindingField | RedRiskField, LocalText> = {
  cause: { nb: 'årsak', en: 'cause' },
  consequence: { nb: 'konsekvens', en: 'consequence' },
  costEstimate: { nb: 'kostnadsoverslag', en: 'cost estimate' },
  measure: { nb: 'tiltak', en: 'measure' },
  owner: { nb: 'ansvarlig', en: 'owner' },
  deadline: { nb: 'frist', en: 'deadline' },
  after: { nb: 'risiko etter tiltaket', en: 'risk after the measure' },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string' || !ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const filled = (x: unknown): boolean => typeof x === 'string' && x.trim().length > 0;
const isLevel = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 5;

/** The finding fields a grade asks for: cause and consequence on TG2, a cost estimate as well on TG3. */
export function findingFieldsFor(grade: unknown): readonly FindingField[] {
  if (grade === 'TG3') return FINDING_FIELDS;
  if (grade === 'TG2') return ['cause', 'consequence'];
  return [];
}

/** The finding fields this grade answer still lacks, in order; tolerates any input shape. */
export function findingGaps(answer: unknown): FindingField[] {
  if (typeof answer !== 'object' || answer === null) return [];
  const a = answer as { value?: unknown; finding?: unknown };
  const finding = typeof a.finding === 'object' && a.finding !== null ? (a.finding as Record<string, unknown>) : {};
  return findingFieldsFor(a.value).filter((f) => !filled(finding[f]));
}

/** Whether a risk value (likelihood × consequence) lies in the red band. */
export function isRedRisk(value: unknown, redFrom?: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { likelihood?: unknown; consequence?: unknown };
  if (!isLevel(v.likelihood) || !isLevel(v.consequence)) return false;
  const score = (v.likelihood as number) * (v.consequence as number);
  return redFrom === undefined ? riskBand(score) === 'red' : score >= redFrom;
}

/** What a red risk still lacks (measure, owner, deadline, score after), in order; nothing for a risk that is not red. */
export function redRiskGaps(value: unknown, redFrom?: number): RedRiskField[] {
  if (!isRedRisk(value, redFrom)) return [];
  const v = value as Record<string, unknown>;
  const gaps: RedRiskField[] = [];
  if (!filled(v.measure)) gaps.push('measure');
  if (!filled(v.owner)) gaps.push('owner');
  if (!isIsoDate(v.deadline)) gaps.push('deadline');
  if (!isLevel(v.likelihoodAfter) || !isLevel(v.consequenceAfter)) gaps.push('after');
  return gaps;
}

/** "a, b og c" / "a, b and c". */
export function listText(names: LocalText[]): LocalText {
  const join = (words: string[], and: string) => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`);
  return { nb: join(names.map((n) => n.nb), 'og'), en: join(names.map((n) => n.en), 'and') };
}

/** The follow-up fields an answer of this item kind still lacks, in the order they are asked. */
export function followUpGaps(kind: string, answer: unknown): (FindingField | RedRiskField)[] {
  if (typeof answer !== 'object' || answer === null) return [];
  if (kind === 'grade') return findingGaps(answer);
  if (kind === 'risk') return redRiskGaps((answer as { value?: unknown }).value);
  return [];
}
