/** Colours of the verdict classes in charts: each at least 3:1 against white (WCAG 1.4.11); the table repeats every number. */
import type { Verdict } from '../../../core/rules/verdict';

/** Fill colour per verdict. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  suited0to3: '#17703b',
  suited3plus: '#1f6fb5',
  notSuitable: '#b42318',
  notAssessed: '#6b7280',
};
