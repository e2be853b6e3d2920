/** The four verdicts a dwelling can get, how they read, and how they rank. */
import type { LocalText } from '../text';

/** Verdicts, most suitable first. */
export const VERDICTS = ['suited0to3', 'suited3plus', 'notSuitable', 'notAssessed'] as const;
/** A dwelling's verdict. */
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts as people read them. */
export const VERDICT_LABELS: Record<Verdict, LocalText> = {
  suited0to3: { nb: 'Godt egnet for barnefamilier 0–3 år', en: 'Well suited for families with children aged 0–3' },
  suited3plus: { nb: 'Godt egnet for barnefamilier 3 år +', en: 'Well suited for families with children aged 3+' },
  notSuitable: { nb: 'Ikke egnet for barnefamilier', en: 'Not suitable for families with children' },
  notAssessed: { nb: 'Ikke vurdert ennå', en: 'Not yet assessed' },
};

/**
 * Order for "never lower": a known failure (notSuitable) is below "not yet assessed", since answering a failing
 * question better can uncover a question still open; both are below the suitable classes.
 */
export const VERDICT_RANK: Record<Verdict, number> = { notSuitable: 0, notAssessed: 1, suited3plus: 2, suited0to3: 3 };

/** The verdicts that count as suitable in the stock figures. */
export function isSuitable(verdict: Verdict): boolean {
  return verdict === 'suited0to3' || verdict === 'suited3plus';
}
