/** A plan's ratings per domain and review point: the plan's own, filled in from completed follow-up checklists. */
import { FOYER_DOMAINS, REVIEW_POINTS, type FoyerDomain, type Plan, type ReviewPoint } from '../../../core/schemas/plan';
import type { Inspection } from '../../../core/schemas/inspection';

/** One rating pair; `fromFollowUp` when it came from a follow-up checklist rather than the plan itself. */
export type Rating = { youth: number | null; coordinator: number | null; fromFollowUp: boolean };

const score = (v: unknown): number | null => (typeof v === 'number' && v >= 1 && v <= 5 ? v : null);

/** Ratings by domain and point. The plan wins; a completed template-E checklist fills a point the plan leaves empty. */
export function planRatings(plan: Plan, followUps: readonly Inspection[]): Record<FoyerDomain, Record<ReviewPoint, Rating>> {
  const out = {} as Record<FoyerDomain, Record<ReviewPoint, Rating>>;
  const completed = followUps.filter((f) => f.status === 'completed').sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''));
  for (const domain of FOYER_DOMAINS) {
    out[domain] = {} as Record<ReviewPoint, Rating>;
    for (const point of REVIEW_POINTS) {
      const own = plan.domains[domain].reviews[point];
      if (own) {
        out[domain][point] = { youth: own.youth, coordinator: own.coordinator, fromFollowUp: false };
        continue;
      }
      // The latest completed follow-up for this point counts.
      const f = completed.filter((c) => c.answers['meeting.reviewPoint']?.value === point).at(-1);
      out[domain][point] = f
        ? { youth: score(f.answers[`${domain}.youthScore`]?.value), coordinator: score(f.answers[`${domain}.coordinatorScore`]?.value), fromFollowUp: true }
        : { youth: null, coordinator: null, fromFollowUp: false };
    }
  }
  return out;
}

/** Birth years that make a young person 16–23 in the start year (the youngest they can be, from the year alone). */
export function foyerBirthYears(startYear: number): { from: number; to: number } {
  return { from: startYear - 23, to: startYear - 16 };
}
