/** An answer as a person reads it (read-only checklists, "changed since last time", history) in both languages. */
import { findingFieldsFor, FINDING_FIELDS } from '../../../core/checklist/followUp';
import type { Answer, Item, LeafItem, RiskValue } from '../../../core/checklist/template';
import { riskBand } from '../../../core/rules/risk';
import type { LocalText } from '../../../core/text';
import { UNIT_TEXT } from '../../../core/checklist/unitText';
import { GRADE_TEXT } from './controlFor';
import { formatDate } from '../../../core/format/formatDate';
import { formatNumber } from '../../../core/format/formatNumber';

const BAND_TEXT = {
  green: { nb: 'grønn', en: 'green' },
  yellow: { nb: 'gul', en: 'yellow' },
  red: { nb: 'rød', en: 'red' },
} as const;

const NOT_ANSWERED: LocalText = { nb: 'Ikke besvart', en: 'Not answered' };

function both(f: (lang: 'nb' | 'en') => string): LocalText {
  return { nb: f('nb'), en: f('en') };
}

function riskText(v: RiskValue): LocalText {
  const score = v.likelihood * v.consequence;
  const band = BAND_TEXT[riskBand(score)];
  return both((lang) =>
    lang === 'nb'
      ? `S${v.likelihood} × K${v.consequence} = ${score} (${band.nb})`
      : `L${v.likelihood} × C${v.consequence} = ${score} (${band.en})`,
  );
}

function dateText(iso: string): LocalText {
  return both((lang) => formatDate(iso, lang));
}

/** The answer's value in words; "Ikke besvart" when there is none. Photos-kind items count their photos. */
export function answerText(item: Item | LeafItem, answer: Answer | undefined): LocalText {
  if (item.kind === 'repeat') {
    const n = answer?.entries?.length ?? 0;
    return n ? both((lang) => `${n} × ${item.entryLabel[lang].toLowerCase()}`) : NOT_ANSWERED;
  }
  if (item.kind === 'photos') {
    const n = answer?.photos?.length ?? 0;
    return n ? both((lang) => (lang === 'nb' ? `${n} bilde${n === 1 ? '' : 'r'}` : `${n} photo${n === 1 ? '' : 's'}`)) : NOT_ANSWERED;
  }
  const v = answer?.value;
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return NOT_ANSWERED;
  switch (item.kind) {
    case 'yesNo':
      return v === true ? { nb: 'Ja', en: 'Yes' } : { nb: 'Nei', en: 'No' };
    case 'grade':
      return typeof v === 'string' && v in GRADE_TEXT
        ? both((lang) => `${v} – ${GRADE_TEXT[v as keyof typeof GRADE_TEXT][lang]}`)
        : { nb: String(v), en: String(v) };
    case 'number':
      return typeof v === 'number' ? both((lang) => `${formatNumber(v, lang)} ${UNIT_TEXT[item.unit][lang]}`.trim()) : { nb: String(v), en: String(v) };
    case 'choice': {
      const o = item.options.find((x) => x.value === v);
      return o ? o.label : { nb: String(v), en: String(v) };
    }
    case 'multiChoice': {
      const chosen = Array.isArray(v) ? v : [String(v)];
      const labels = chosen.map((c) => item.options.find((o) => o.value === c)?.label ?? { nb: c, en: c });
      return both((lang) => labels.map((l) => l[lang]).join(', '));
    }
    case 'risk':
      return typeof v === 'object' && !Array.isArray(v) ? riskText(v) : { nb: String(v), en: String(v) };
    case 'date':
      return dateText(String(v));
    case 'text':
      return { nb: String(v), en: String(v) };
    case 'calc':
      return typeof v === 'number' ? both((lang) => `${formatNumber(v, lang)} ${UNIT_TEXT[item.unit][lang]}`.trim()) : NOT_ANSWERED;
  }
}

/** One line under an answer: what it is ("Årsak") and what was written. */
export type AnswerDetail = { key: string; label: LocalText; text: LocalText };

const FINDING_LABELS = {
  cause: { nb: 'Årsak', en: 'Cause' },
  consequence: { nb: 'Konsekvens', en: 'Consequence' },
  costEstimate: { nb: 'Kostnadsoverslag', en: 'Cost estimate' },
} as const;

const same = (text: string): LocalText => ({ nb: text, en: text });

const RISK_LABELS = {
  measure: { nb: 'Tiltak', en: 'Measure' },
  owner: { nb: 'Ansvarlig', en: 'Owner' },
  deadline: { nb: 'Frist', en: 'Deadline' },
  after: { nb: 'Risiko etter tiltaket', en: 'Risk after the measure' },
} as const;

/** A risk's measure, its owner, its deadline and the score after it, each when given. */
function riskDetails(v: RiskValue): AnswerDetail[] {
  const out: AnswerDetail[] = [];
  const measure = v.measure?.trim();
  const owner = v.owner?.trim();
  if (measure) out.push({ key: 'measure', label: RISK_LABELS.measure, text: same(measure) });
  if (owner) out.push({ key: 'owner', label: RISK_LABELS.owner, text: same(owner) });
  if (v.deadline) out.push({ key: 'deadline', label: RISK_LABELS.deadline, text: dateText(v.deadline) });
  if (v.likelihoodAfter && v.consequenceAfter) {
    out.push({ key: 'after', label: RISK_LABELS.after, text: riskText({ likelihood: v.likelihoodAfter, consequence: v.consequenceAfter }) });
  }
  return out;
}

/**
 * What goes with an answer beyond its value, for read-only checklists and reports: a TG2/TG3 finding's cause,
 * consequence and cost estimate, and a risk's measure, owner, deadline and score after the measure. Empty parts are
 * left out; a finding left on a grade that no longer asks for it is too.
 */
export function answerDetails(item: Item | LeafItem, answer: Answer | undefined): AnswerDetail[] {
  const out: AnswerDetail[] = [];
  if (!answer) return out;
  if (item.kind === 'grade' && findingFieldsFor(answer.value).length > 0) {
    for (const f of FINDING_FIELDS) {
      const text = answer.finding?.[f]?.trim();
      if (text) out.push({ key: f, label: FINDING_LABELS[f], text: same(text) });
    }
  }
  const v = answer.value;
  if (item.kind === 'risk' && typeof v === 'object' && v !== null && !Array.isArray(v)) out.push(...riskDetails(v));
  return out;
}
