/**
 * The registry figures the municipality reports to Statistics Norway each year on municipal dwellings (KOSTRA, SSB's
 * form 13 "Kommunale boliger"), as far as Egnet holds what they count: the dwellings the municipality disposes of by
 * how it disposes of them, those accessible for wheelchair users, and the households that moved into a municipal
 * dwelling for the first time in the year, of them refugees. Each variable carries SSB's code where SSB's variable
 * documentation (KOMPIS) publishes one, and SSB's Norwegian name; docs/kostra.md lists them and where each comes from.
 *
 * "Egnet for barn 0–3 / 3+" is the municipality's own figure from its suitability rules, not a KOSTRA variable: it is
 * kept apart (`own`) and always labelled so.
 */
import type { Verdict } from '../rules/verdict';
import type { Allocation, Dwelling } from '../schemas';
import type { Ownership } from '../schemas/dwelling';
import type { LocalText } from '../text';

/** The KOSTRA variables Egnet computes, in the order SSB's form and the export list them. */
export const KOSTRA_KEYS = [
  'disposedTotal',
  'owned',
  'rentedIn',
  'privateAllocationRight',
  'ownedShare',
  'wheelchairAccessible',
  'wheelchairShare',
  'newTenants',
  'newTenantRefugees',
] as const;
/** One KOSTRA variable. */
export type KostraKey = (typeof KOSTRA_KEYS)[number];

/** What a variable is: SSB's code (null where none is published in a form we could verify), name, unit and period. */
export type KostraVariable = {
  /** SSB's variable code as KOMPIS gives it, e.g. KOSantnyinnflytt0000; null when not verified (docs/kostra.md). */
  code: string | null;
  /** SSB's Norwegian name; the English is a translation. */
  name: LocalText;
  unit: 'count' | 'percent';
  /** `stock`: the dwellings in the registry (KOSTRA asks for 31 December); `year`: allocations dated in the year. */
  period: 'stock' | 'year';
  /** Where Egnet takes it from. */
  source: LocalText;
};

const t = (nb: string, en: string): LocalText => ({ nb, en });

const FROM_OWNERSHIP = t('Boligregisteret: feltet «Eierforhold»', 'The dwelling registry: the field "Ownership"');
const FROM_WHEELCHAIR = t('Boligregisteret: feltet «Tilgjengelig for rullestolbrukere»', 'The dwelling registry: the field "Accessible for wheelchair users"');
const FROM_ALLOCATIONS = t('Tildelinger datert i året: «Ny i kommunal bolig»', 'Allocations dated in the year: "New to municipal housing"');

/** The variables: codes checked against SSB's KOMPIS pages (docs/kostra.md); null where we found none. */
export const KOSTRA_VARIABLES: Record<KostraKey, KostraVariable> = {
  disposedTotal: {
    code: null,
    name: t('Totalt antall kommunalt disponerte boliger', 'Total number of dwellings disposed of by the municipality'),
    unit: 'count',
    period: 'stock',
    source: t('Boligregisteret: alle boliger', 'The dwelling registry: every dwelling'),
  },
  owned: {
    code: null,
    name: t('Kommunalt eide boliger', 'Dwellings owned by the municipality'),
    unit: 'count',
    period: 'stock',
    source: FROM_OWNERSHIP,
  },
  rentedIn: {
    code: null,
    name: t('Innleide boliger', 'Dwellings rented in by the municipality'),
    unit: 'count',
    period: 'stock',
    source: FROM_OWNERSHIP,
  },
  privateAllocationRight: {
    code: 'KOSboligpkommuna0000',
    name: t('Privat eide boliger med kommunal disposisjonsrett', 'Privately owned dwellings the municipality allocates'),
    unit: 'count',
    period: 'stock',
    source: FROM_OWNERSHIP,
  },
  ownedShare: {
    code: 'KOSEidavsamlet0000',
    name: t(
      'Kommunalt eide boliger som andel av totalt antall disponerte kommunale boliger (%)',
      'Dwellings owned by the municipality as a share of all it disposes of (%)',
    ),
    unit: 'percent',
    period: 'stock',
    source: FROM_OWNERSHIP,
  },
  wheelchairAccessible: {
    code: null,
    name: t('Kommunalt disponerte boliger som er tilgjengelige for rullestolbrukere', 'Municipal dwellings accessible for wheelchair users'),
    unit: 'count',
    period: 'stock',
    source: FROM_WHEELCHAIR,
  },
  wheelchairShare: {
    code: 'KOSAndeltilgjeng0000',
    name: t('Andel kommunale boliger som er tilgjengelige for rullestolbrukere (%)', 'Share of municipal dwellings accessible for wheelchair users (%)'),
    unit: 'percent',
    period: 'stock',
    source: FROM_WHEELCHAIR,
  },
  newTenants: {
    code: 'KOSantnyinnflytt0000',
    name: t('Antall nyinnflyttede husstander', 'Households newly moved in'),
    unit: 'count',
    period: 'year',
    source: FROM_ALLOCATIONS,
  },
  newTenantRefugees: {
    code: 'KOSnyinnflyttfly0000',
    name: t('Nyinnflyttede flyktninger', 'Refugee households newly moved in'),
    unit: 'count',
    period: 'year',
    source: t('Tildelinger datert i året: «Ny i kommunal bolig» og «Flyktning»', 'Allocations dated in the year: "New to municipal housing" and "Refugees"'),
  },
};

/** The municipality's own figure beside them: never a KOSTRA variable. */
export const OWN_FIGURE_NOTE: LocalText = t(
  'Kommunens eget tall etter egnethetsreglene, ikke en KOSTRA-variabel',
  "The municipality's own figure from its suitability rules, not a KOSTRA variable",
);

/** What the figures are computed from: current (not deleted) records. */
export type KostraInput = {
  dwellings: readonly Pick<Dwelling, 'ownership' | 'wheelchairAccessible'>[];
  allocations: readonly Pick<Allocation, 'date' | 'householdId' | 'newTenant' | 'refugee'>[];
  /** The reporting year: allocations dated 1 January–31 December of it count. */
  year: number;
  /** Dwellings per verdict (computeFigures), for the municipality's own figure. */
  byVerdict: Readonly<Record<Verdict, number>>;
};

/** The figures. Percentages have one decimal (0 when there is nothing to divide). */
export type KostraFigures = {
  year: number;
  values: Record<KostraKey, number>;
  /** What the registry or the allocations do not say, so a figure may be too low: shown and exported beside it. */
  missing: {
    /** Dwellings with no ownership recorded (counted in the total only). */
    ownership: number;
    /** Dwellings with no answer on wheelchair access (counted as not accessible). */
    wheelchair: number;
    /** Allocations in the year with no answer on "new to municipal housing" (not counted). */
    newTenant: number;
    /** New tenants in the year with no answer on "refugees" (not counted as refugees). */
    refugee: number;
  };
  /** The municipality's own figure: dwellings well suited for families with children 0–3 and 3+ (not KOSTRA). */
  own: { suited0to3: number; suited3plus: number };
};

/** A percentage with one decimal; 0 when the whole is 0. */
function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** The year an ISO date (yyyy-mm-dd…) falls in, as written: allocation dates are calendar days in Norway. */
function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Computes the KOSTRA figures for `year`; the same function serves the overview, the export and GET /api/figures. */
export function kostraFigures(input: KostraInput): KostraFigures {
  const byOwnership: Record<Ownership, number> = { owned: 0, rentedIn: 0, privateAllocationRight: 0 };
  let noOwnership = 0;
  let wheelchair = 0;
  let noWheelchair = 0;
  for (const d of input.dwellings) {
    if (d.ownership) byOwnership[d.ownership]++;
    else noOwnership++;
    if (d.wheelchairAccessible === true) wheelchair++;
    else if (d.wheelchairAccessible == null) noWheelchair++;
  }
  const total = input.dwellings.length;

  // A household counts once a year: a move within the year is not a second first move-in. Allocations without a
  // household in Egnet are each their own household.
  const newHouseholds = new Map<string, boolean>();
  let noNewTenant = 0;
  let noRefugee = 0;
  input.allocations.forEach((a, i) => {
    if (yearOf(a.date) !== input.year) return;
    if (a.newTenant == null) {
      noNewTenant++;
      return;
    }
    if (!a.newTenant) return;
    if (a.refugee == null) noRefugee++;
    const key = a.householdId ?? `allocation:${i}`;
    newHouseholds.set(key, (newHouseholds.get(key) ?? false) || a.refugee === true);
  });
  const refugees = [...newHouseholds.values()].filter(Boolean).length;

  return {
    year: input.year,
    values: {
      disposedTotal: total,
      owned: byOwnership.owned,
      rentedIn: byOwnership.rentedIn,
      privateAllocationRight: byOwnership.privateAllocationRight,
      ownedShare: percent(byOwnership.owned, total),
      wheelchairAccessible: wheelchair,
      wheelchairShare: percent(wheelchair, total),
      newTenants: newHouseholds.size,
      newTenantRefugees: refugees,
    },
    missing: { ownership: noOwnership, wheelchair: noWheelchair, newTenant: noNewTenant, refugee: noRefugee },
    own: { suited0to3: input.byVerdict.suited0to3, suited3plus: input.byVerdict.suited3plus },
  };
}

/** The years a report can be made for: every year with an allocation, and this one, newest first. */
export function kostraYears(allocations: readonly Pick<Allocation, 'date'>[], thisYear: number): number[] {
  const years = new Set<number>([thisYear]);
  for (const a of allocations) {
    const y = yearOf(a.date);
    if (Number.isInteger(y)) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}
