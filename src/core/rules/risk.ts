/** Risk as NS 5814 scores it: likelihood × consequence, 1–5 each, banded green, yellow or red. */
import type { LocalText } from '../text';
import { defaultRuleSet } from './defaultRuleSet';
import type { Thresholds } from './ruleSet';

/** Colour bands of the 5×5 matrix. */
export const RISK_BANDS = ['green', 'yellow', 'red'] as const;
/** A colour band. */
export type RiskBand = (typeof RISK_BANDS)[number];

/** What each band asks of the owner (DSB). */
export const RISK_BAND_LABELS: Record<RiskBand, LocalText> = {
  green: { nb: 'grønn: akseptabel', en: 'green: acceptable' },
  yellow: { nb: 'gul: vurder tiltak', en: 'yellow: consider measures' },
  red: { nb: 'rød: krever tiltak', en: 'red: measures required' },
};

/** Likelihood × consequence. */
export function riskScore(value: { likelihood: number; consequence: number }): number {
  return value.likelihood * value.consequence;
}

/** The band of a score: green 1–4, yellow 5–9, red 10–25 with the default rule set. */
export function riskBand(score: number, thresholds: Pick<Thresholds, 'riskYellowFrom' | 'riskRedFrom'> = defaultRuleSet.thresholds): RiskBand {
  if (score >= thresholds.riskRedFrom) return 'red';
  if (score >= thresholds.riskYellowFrom) return 'yellow';
  return 'green';
}
