/** Matching: a household's needs against the stock — the vacant dwellings that fit, ranked, each with why; the rest with why not. */
import { formatNumber } from '../format/formatNumber';
import { bedroomsNeeded } from '../rules/bedroomsNeeded';
import { isCrowded } from '../rules/isCrowded';
import { VERDICT_LABELS, type Verdict } from '../rules/verdict';
import type { LocalText } from '../text';

/** What the intake team enters, or what a household's consent lets them see. */
export type HouseholdNeeds = {
  /** Adults in the household, at least 1. */
  adults: number;
  /** Each child's age in whole years on the date needed (the youngest it may be, when only the birth year is known). */
  childAges: number[];
  /** Needs step-free access or a lift (wheelchair, pram, walking aid). */
  stepFree: boolean;
  /** Area names in preference order; empty means any area. */
  preferredAreas: string[];
  /** ISO date (yyyy-mm-dd) the household needs to move in; empty means now. */
  neededBy?: string;
};

/** A dwelling as matching sees it: its facts, its verdict and the distances from its neighbourhood checklist. */
export type MatchCandidate = {
  id: string;
  address: string;
  area: string;
  /** Vacant now; a let dwelling may know the date it becomes vacant (`vacantFrom`). */
  vacant: boolean;
  vacantFrom?: string;
  /** Date of an allocation recorded after the dwelling was last updated: taken, though not yet marked as let. */
  allocatedOn?: string;
  approvedBedrooms: number;
  /**
   * Bedrooms of the latest inspection's room list that meet the rule set's standard (size, ceiling, windows); when
   * known, a family is matched on the smaller of this and the approved bedrooms.
   */
  standardBedrooms?: number;
  /** Rooms for SSB's crowding test (living rooms and bedrooms, not kitchen or bathroom). */
  rooms: number;
  areaM2: number;
  /** Step-free entrance or lift; null when not recorded. */
  stepFree: boolean | null;
  verdict: Verdict;
  distances: { kindergartenM?: number; schoolM?: number; busStopM?: number };
};

/** One line of "why": what was checked, whether it speaks for the dwelling, and the sentence with the actual values. */
export type MatchReason = {
  kind: 'vacancy' | 'verdict' | 'bedrooms' | 'crowding' | 'stepFree' | 'area' | 'kindergarten' | 'school' | 'busStop';
  ok: boolean;
  text: LocalText;
};

/** A dwelling that fits, with every reason (all `ok` reasons first). */
export type Match = { dwelling: MatchCandidate; rank: number; reasons: MatchReason[] };
/** A dwelling left out, with the reasons that ruled it out (never empty). */
export type Exclusion = { dwelling: MatchCandidate; reasons: MatchReason[] };
/** The answer to one matching query. */
export type MatchResult = { matches: Match[]; excluded: Exclusion[] };

/** Children younger than this need a dwelling suited for 0–3 (docs/domain.md). */
export const SMALL_CHILD_AGE = 3;

/** Formats metres as a person reads them: "450 m", "1,2 km" in Bokmål and "1.2 km" in English. */
export function distanceText(m: number): LocalText {
  if (m < 1000) return { nb: `${Math.round(m)} m`, en: `${Math.round(m)} m` };
  return { nb: `${formatNumber(m / 1000, 'nb', 1)} km`, en: `${formatNumber(m / 1000, 'en', 1)} km` };
}

function verdictFits(needs: HouseholdNeeds, d: MatchCandidate): MatchReason {
  const text = VERDICT_LABELS[d.verdict];
  if (needs.childAges.length === 0) return { kind: 'verdict', ok: true, text };
  const youngest = Math.min(...needs.childAges);
  if (d.verdict === 'suited0to3') return { kind: 'verdict', ok: true, text };
  if (d.verdict === 'suited3plus') {
    if (youngest >= SMALL_CHILD_AGE) return { kind: 'verdict', ok: true, text };
    return {
      kind: 'verdict',
      ok: false,
      text: {
        nb: `Egnet bare for barn over 3 år — yngste barn er ${youngest} år`,
        en: `Suited only for children aged 3+ — the youngest child is ${youngest}`,
      },
    };
  }
  return { kind: 'verdict', ok: false, text };
}

function vacancyFits(needs: HouseholdNeeds, d: MatchCandidate): MatchReason {
  if (d.allocatedOn)
    return {
      kind: 'vacancy',
      ok: false,
      text: { nb: `Tildelt ${d.allocatedOn} — ikke registrert som utleid ennå`, en: `Allocated on ${d.allocatedOn} — not yet recorded as let` },
    };
  if (d.vacant) return { kind: 'vacancy', ok: true, text: { nb: 'Ledig', en: 'Vacant' } };
  // A let dwelling whose tenancy ends before the household needs it is offered too.
  if (d.vacantFrom && needs.neededBy && d.vacantFrom <= needs.neededBy)
    return { kind: 'vacancy', ok: true, text: { nb: `Ledig fra ${d.vacantFrom}`, en: `Vacant from ${d.vacantFrom}` } };
  if (d.vacantFrom)
    return {
      kind: 'vacancy',
      ok: false,
      text: needs.neededBy
        ? { nb: `Utleid — ledig først ${d.vacantFrom}, trengs ${needs.neededBy}`, en: `Let — vacant only from ${d.vacantFrom}, needed by ${needs.neededBy}` }
        : { nb: `Utleid — ledig fra ${d.vacantFrom}`, en: `Let — vacant from ${d.vacantFrom}` },
    };
  return { kind: 'vacancy', ok: false, text: { nb: 'Utleid', en: 'Let' } };
}

/** The bedrooms a family can count on: the approved ones, or fewer when fewer meet the standard. */
function usableBedrooms(d: MatchCandidate): number {
  return d.standardBedrooms === undefined ? d.approvedBedrooms : Math.min(d.approvedBedrooms, d.standardBedrooms);
}

function bedroomsFit(needs: HouseholdNeeds, d: MatchCandidate): MatchReason {
  const need = bedroomsNeeded(needs.adults, needs.childAges.length);
  if (d.standardBedrooms !== undefined && d.standardBedrooms < d.approvedBedrooms) {
    return {
      kind: 'bedrooms',
      ok: d.standardBedrooms >= need,
      text: {
        nb: `${d.approvedBedrooms} godkjente soverom, ${d.standardBedrooms} oppfyller kravene — trenger ${need}`,
        en: `${d.approvedBedrooms} approved bedrooms, ${d.standardBedrooms} meet the standard — needs ${need}`,
      },
    };
  }
  return {
    kind: 'bedrooms',
    ok: d.approvedBedrooms >= need,
    text: {
      nb: `${d.approvedBedrooms} godkjente soverom — trenger ${need}`,
      en: `${d.approvedBedrooms} approved bedrooms — needs ${need}`,
    },
  };
}

function crowdingFits(needs: HouseholdNeeds, d: MatchCandidate): MatchReason {
  const persons = needs.adults + needs.childAges.length;
  const perPerson = d.areaM2 / persons;
  const crowded = isCrowded(persons, d.rooms, d.areaM2);
  const m2 = { nb: formatNumber(perPerson, 'nb', 1), en: formatNumber(perPerson, 'en', 1) };
  return crowded
    ? {
        kind: 'crowding',
        ok: false,
        text: {
          nb: `Trangbodd (SSB): ${persons} personer i ${d.rooms} rom og ${m2.nb} m² per person`,
          en: `Crowded (SSB): ${persons} persons in ${d.rooms} rooms and ${m2.en} m² per person`,
        },
      }
    : {
        kind: 'crowding',
        ok: true,
        text: {
          nb: `Ikke trangbodd: ${persons} personer, ${d.rooms} rom, ${d.areaM2} m²`,
          en: `Not crowded: ${persons} persons, ${d.rooms} rooms, ${d.areaM2} m²`,
        },
      };
}

function stepFreeFits(d: MatchCandidate): MatchReason {
  if (d.stepFree === true) return { kind: 'stepFree', ok: true, text: { nb: 'Trinnfri adkomst eller heis', en: 'Step-free access or lift' } };
  if (d.stepFree === false)
    return { kind: 'stepFree', ok: false, text: { nb: 'Ikke trinnfri adkomst og ingen heis', en: 'No step-free access and no lift' } };
  return {
    kind: 'stepFree',
    ok: false,
    text: { nb: 'Trinnfri adkomst er ikke registrert', en: 'Step-free access is not recorded' },
  };
}

function distanceReason(kind: 'kindergarten' | 'school' | 'busStop', m: number | undefined): MatchReason {
  const label = {
    kindergarten: { nb: 'Barnehage', en: 'Kindergarten' },
    school: { nb: 'Barneskole', en: 'Primary school' },
    busStop: { nb: 'Bussholdeplass', en: 'Bus stop' },
  }[kind];
  if (m === undefined)
    return { kind, ok: false, text: { nb: `${label.nb}: avstand ikke registrert`, en: `${label.en}: distance not recorded` } };
  const d = distanceText(m);
  return { kind, ok: true, text: { nb: `${label.nb} ${d.nb}`, en: `${label.en} ${d.en}` } };
}

// Order of verdicts in the ranking. Families whose youngest is 3+ get 3+ dwellings first, so the scarce 0–3
// dwellings stay free for the youngest children; adults without children get the dwellings unsuited for children first.
function verdictOrder(needs: HouseholdNeeds): Verdict[] {
  if (needs.childAges.length === 0) return ['notSuitable', 'notAssessed', 'suited3plus', 'suited0to3'];
  if (Math.min(...needs.childAges) < SMALL_CHILD_AGE) return ['suited0to3'];
  return ['suited3plus', 'suited0to3'];
}

// The distances that matter for this household: kindergarten for children under 6, school for 6–15, the bus always.
function relevantDistance(needs: HouseholdNeeds, d: MatchCandidate): number {
  const far = 100_000;
  let sum = d.distances.busStopM ?? far;
  if (needs.childAges.some((a) => a < 6)) sum += d.distances.kindergartenM ?? far;
  if (needs.childAges.some((a) => a >= 6 && a <= 15)) sum += d.distances.schoolM ?? far;
  return sum;
}

/** Ranks the vacant dwellings that fit the household and lists the others with the reasons they were left out. */
export function matchDwellings(needs: HouseholdNeeds, candidates: readonly MatchCandidate[]): MatchResult {
  const order = verdictOrder(needs);
  const wanted = new Map(needs.preferredAreas.map((a, i) => [a.toLocaleLowerCase('nb'), i]));
  const fits: { dwelling: MatchCandidate; reasons: MatchReason[]; key: number[] }[] = [];
  const excluded: Exclusion[] = [];
  const need = bedroomsNeeded(needs.adults, needs.childAges.length);

  for (const d of candidates) {
    const checks = [vacancyFits(needs, d), verdictFits(needs, d), bedroomsFit(needs, d), crowdingFits(needs, d)];
    if (needs.stepFree) checks.push(stepFreeFits(d));
    const failed = checks.filter((r) => !r.ok);
    if (failed.length > 0) {
      excluded.push({ dwelling: d, reasons: failed });
      continue;
    }
    const areaRank = wanted.get(d.area.toLocaleLowerCase('nb'));
    const reasons = [...checks];
    if (wanted.size > 0)
      reasons.push(
        areaRank === undefined
          ? { kind: 'area', ok: false, text: { nb: `Utenfor ønsket område: ${d.area}`, en: `Outside the preferred areas: ${d.area}` } }
          : { kind: 'area', ok: true, text: { nb: `I ønsket område: ${d.area}`, en: `In a preferred area: ${d.area}` } },
      );
    if (needs.childAges.some((a) => a < 6)) reasons.push(distanceReason('kindergarten', d.distances.kindergartenM));
    if (needs.childAges.some((a) => a >= 6)) reasons.push(distanceReason('school', d.distances.schoolM));
    reasons.push(distanceReason('busStop', d.distances.busStopM));
    reasons.sort((a, b) => Number(b.ok) - Number(a.ok));
    fits.push({
      dwelling: d,
      reasons,
      key: [
        areaRank ?? wanted.size,
        order.indexOf(d.verdict),
        usableBedrooms(d) - need,
        relevantDistance(needs, d),
      ],
    });
  }

  fits.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return a.dwelling.address.localeCompare(b.dwelling.address, 'nb');
  });
  return { matches: fits.map((f, i) => ({ dwelling: f.dwelling, rank: i + 1, reasons: f.reasons })), excluded };
}
