/** Whether a household's consent is in force at a given moment, and what stops one from being recorded. */
import type { Consent, ConsentCategory } from '../schemas/household';
import { CONSENT_CATEGORIES } from '../schemas/household';
import type { OwnerUnit } from '../schemas/ownerUnit';
import type { LocalText } from '../text';

/** `valid` is the only state in which anything is shared. */
export type ConsentState = 'none' | 'notYetValid' | 'valid' | 'expired' | 'withdrawn';

/** The parts of a consent these rules read; a pulled or half-filled record may lack any of them. */
export type ConsentTerms = Partial<Pick<Consent, 'givenBy' | 'givenAt' | 'expiresAt' | 'method' | 'signature' | 'withdrawnAt'>> & {
  scope?: Partial<Record<string, readonly string[]>>;
};

/** The municipality's time zone: a consent "expiring 30 June" holds through that day in Norway. */
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date (YYYY-MM-DD) in Norway at a moment. Built from the parts, not from a locale's whole format: which
 * order a locale such as en-CA prints differs between engines and their ICU versions (WebKitGTK's is not ISO).
 */
export function norwegianDate(now: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => dayFormat.formatToParts(now).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The state of a consent at `now`. Withdrawal wins over everything, whatever its date: the family asked to stop.
 * The expiry date is the last day it holds (Norwegian time); a consent given with a time in the future is not yet valid.
 */
export function consentState(consent: ConsentTerms | null | undefined, now: Date): ConsentState {
  if (!consent || !consent.givenAt) return 'none';
  if (consent.withdrawnAt) return 'withdrawn';
  if (!consent.expiresAt || norwegianDate(now) > consent.expiresAt.slice(0, 10)) return 'expired';
  if (Date.parse(consent.givenAt) > now.getTime()) return 'notYetValid';
  return 'valid';
}

/** The categories a consent lets one unit receive at `now` (none when it is not in force). */
export function grantedCategories(consent: ConsentTerms | null | undefined, unit: OwnerUnit, now: Date): ConsentCategory[] {
  if (consentState(consent, now) !== 'valid') return [];
  const granted = consent?.scope?.[unit] ?? [];
  return CONSENT_CATEGORIES.filter((c) => granted.includes(c));
}

/** True when the household's consent, at `now`, lets `unit` receive `category`. */
export function consentAllows(
  household: { consent?: ConsentTerms | null },
  unit: OwnerUnit,
  category: ConsentCategory,
  now: Date,
): boolean {
  return grantedCategories(household.consent, unit, now).includes(category);
}

/** Longest a consent may run before it must be renewed [P]: the three years of a Foyer programme. */
export const MAX_CONSENT_YEARS = 3;

/** A problem the schema cannot see, on the field a person must fix. */
export type ConsentProblem = { field: 'expiresAt' | 'scope' | 'signature'; message: LocalText };

/**
 * What stops a consent from being recorded beyond the schema's own checks: a scope that shares nothing,
 * a drawn consent without its signature, a term beyond MAX_CONSENT_YEARS. Empty when it can be saved.
 */
export function consentProblems(consent: ConsentTerms): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  const given = consent.givenAt?.slice(0, 10);
  const expires = consent.expiresAt?.slice(0, 10);
  if (given && expires && /^\d{4}-\d{2}-\d{2}$/.test(given)) {
    const limit = `${Number(given.slice(0, 4)) + MAX_CONSENT_YEARS}${given.slice(4)}`;
    if (expires > limit) {
      problems.push({
        field: 'expiresAt',
        message: {
          nb: `Et samtykke kan gjelde i høyst ${MAX_CONSENT_YEARS} år (til ${limit}) — forny det heller når det går ut`,
          en: `A consent can last at most ${MAX_CONSENT_YEARS} years (until ${limit}) — renew it when it runs out instead`,
        },
      });
    }
  }
  if (!Object.values(consent.scope ?? {}).some((categories) => (categories ?? []).length > 0)) {
    problems.push({
      field: 'scope',
      message: { nb: 'Kryss av for minst én enhet og hva den kan få vite', en: 'Tick at least one unit and what it may learn' },
    });
  }
  if (consent.method === 'drawn' && !consent.signature) {
    problems.push({
      field: 'signature',
      message: {
        nb: 'Underskriften mangler — la den som samtykker skrive under på skjermen, eller velg «gitt på papir»',
        en: 'The signature is missing — let the person sign on the screen, or choose "given on paper"',
      },
    });
  }
  return problems;
}
