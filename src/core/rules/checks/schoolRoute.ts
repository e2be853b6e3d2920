/** The school-route rule: free school transport by distance or danger, or a safe walk. */
import type { LocalText } from '../../text';
import type { Rule } from '../ruleSet';
import { Gaps, boolOf, both, failed, isOpen, m, numberOf, passed, read, type CheckOf, type Outcome, type RuleContext } from './ruleCheck';

const SCHOOL_ITEMS = ['distances.primarySchoolM', 'routes.schoolRouteDangerous', 'routes.schoolRoutePavement', 'routes.schoolRouteLighting'];

/** Passes, fails or stays open (with what is missing) for one rule of this kind. */
export function schoolRoute(rule: Rule, c: CheckOf<'schoolRoute'>, ctx: RuleContext): Outcome {
  const templateId = c.template;
  const s = rule.subject;
  const t = ctx.thresholds;
  const gaps = new Gaps();
  const reads = SCHOOL_ITEMS.map((id) => read(ctx, templateId, id));
  reads.forEach((r, i) => {
    if (isOpen(r)) gaps.add(r, templateId, SCHOOL_ITEMS[i] ?? '');
  });
  const [distanceRead, dangerousRead, pavementRead, lightingRead] = reads;
  const d = distanceRead ? numberOf(distanceRead) : undefined;
  const dangerous = dangerousRead ? boolOf(dangerousRead) : undefined;
  const pavement = pavementRead ? boolOf(pavementRead) : undefined;
  const lighting = lightingRead ? boolOf(lightingRead) : undefined;
  const far = t.schoolTransportGrades2to10M;
  const near = t.schoolTransportGrade1M;
  // Passes when any of three ways holds: transport for all grades by distance, transport by a dangerous route, a safe walk.
  if (d !== undefined && d > far) {
    return passed(
      () =>
        both(
          `${s.nb}: barneskolen er ${m(d).nb} unna — over ${m(far).nb} gir gratis skoleskyss for alle trinn`,
          `${s.en}: the primary school is ${m(d).en} away — beyond ${m(far).en} every grade gets free school transport`,
        ),
      SCHOOL_ITEMS,
    );
  }
  if (dangerous === true) {
    return passed(() => both(`${s.nb}: vurdert som særlig farlig, så barna får gratis skoleskyss`, `${s.en}: judged especially dangerous, so the children get free school transport`), SCHOOL_ITEMS);
  }
  if (pavement === true && lighting === true) {
    return passed(() => {
      const where = d !== undefined ? both(`barneskolen er ${m(d).nb} unna`, `the primary school is ${m(d).en} away`) : both('trygg vei', 'a safe route');
      return both(`${s.nb}: ${where.nb}, med fortau eller gang- og sykkelvei og belysning hele veien`, `${s.en}: ${where.en}, with a pavement or footpath and lighting all the way`);
    }, SCHOOL_ITEMS);
  }
  if (gaps.any) return gaps.outcome(rule, SCHOOL_ITEMS);
  return failed(() => {
    const lacks = [pavement === false ? both('fortau eller gang- og sykkelvei', 'a pavement or footpath') : undefined, lighting === false ? both('belysning', 'lighting') : undefined].filter(
      (x): x is LocalText => x !== undefined,
    );
    const grade1 =
      d !== undefined && d > near
        ? both(` (1. trinn får skyss over ${m(near).nb}, 2.–10. trinn først over ${m(far).nb})`, ` (1st grade gets transport beyond ${m(near).en}, grades 2–10 only beyond ${m(far).en})`)
        : both(` (gratis skyss først over ${m(near).nb} for 1. trinn og ${m(far).nb} for 2.–10. trinn)`, ` (free transport only beyond ${m(near).en} for 1st grade and ${m(far).en} for grades 2–10)`);
    return both(
      `${s.nb}: barneskolen er ${m(d ?? 0).nb} unna uten ${lacks.map((l) => l.nb).join(' og ')}${grade1.nb}`,
      `${s.en}: the primary school is ${m(d ?? 0).en} away without ${lacks.map((l) => l.en).join(' and ')}${grade1.en}`,
    );
  }, SCHOOL_ITEMS);
}
