/** Every kind of rule check, one module each: the registry the rule evaluation looks a check's kind up in. */
import type { Rule, RuleCheck } from '../ruleSet';
import { approvedBedrooms } from './approvedBedrooms';
import { bedroomStandard } from './bedroomStandard';
import { choiceIn } from './choiceIn';
import { complete } from './complete';
import { eachEntry } from './eachEntry';
import { escapeWindows } from './escapeWindows';
import { lease } from './lease';
import { maxDistance } from './maxDistance';
import { noGrade } from './noGrade';
import { play } from './play';
import { radon } from './radon';
import { redRisk } from './redRisk';
import type { CheckOf, Outcome, RuleContext } from './ruleCheck';
import { schoolRoute } from './schoolRoute';
import { yesNo } from './yesNo';

/** Evaluates a check of kind `K` of one rule. */
export type RuleCheckFn<K extends RuleCheck['kind']> = (rule: Rule, check: CheckOf<K>, ctx: RuleContext) => Outcome;

/** The evaluation of each kind of check; a new kind in the rule set's schema does not compile until it is added here. */
export const RULE_CHECKS: { [K in RuleCheck['kind']]: RuleCheckFn<K> } = {
  complete,
  yes: yesNo,
  no: yesNo,
  choiceIn,
  maxDistance,
  noGrade,
  radon,
  escapeWindows,
  bedroomStandard,
  approvedBedrooms,
  lease,
  play,
  schoolRoute,
  redRisk,
  eachEntry,
};
