/** The dwelling registry with each dwelling's verdict and the reasons behind it, as a CSV file for Excel. */
import { countsForDwelling } from '../checklist/checklistSide';
import { TEMPLATE_IDS } from '../checklist/templates';
import { assessDwelling } from '../rules/assessDwelling';
import { defaultRuleSet } from '../rules/defaultRuleSet';
import type { RuleSet } from '../rules/ruleSet';
import { VERDICT_LABELS } from '../rules/verdict';
import type { Dwelling, Inspection, WithId } from '../schemas';
import { DWELLING_TYPE_LABELS, OWNERSHIP_LABELS } from '../schemas/dwelling';
import { LEASE_TYPE_LABELS } from '../schemas/lease';
import type { Language, LocalText } from '../text';
import { toCsv, type CsvCell } from './csv';

const HEADER: LocalText[] = [
  { nb: 'Adresse', en: 'Address' },
  { nb: 'Postnummer', en: 'Postcode' },
  { nb: 'Område', en: 'Area' },
  { nb: 'Gnr', en: 'Farm no. (gnr)' },
  { nb: 'Bnr', en: 'Holding no. (bnr)' },
  { nb: 'Snr', en: 'Section no. (snr)' },
  { nb: 'Boligtype', en: 'Dwelling type' },
  { nb: 'Etasje', en: 'Floor' },
  { nb: 'Heis', en: 'Lift' },
  { nb: 'BRA (m²)', en: 'Floor area (m²)' },
  { nb: 'Rom', en: 'Rooms' },
  { nb: 'Godkjente soverom', en: 'Approved bedrooms' },
  { nb: 'Leieforhold', en: 'Lease' },
  { nb: 'Leietid (år)', en: 'Lease (years)' },
  { nb: 'Ledig', en: 'Vacant' },
  { nb: 'Ledig fra', en: 'Vacant from' },
  { nb: 'Eierforhold', en: 'Ownership' },
  { nb: 'Tilgjengelig for rullestolbrukere', en: 'Accessible for wheelchair users' },
  { nb: 'Vurdering', en: 'Verdict' },
  { nb: 'Begrunnelse', en: 'Reasons' },
  { nb: 'Sist fullført sjekkliste', en: 'Last completed checklist' },
];

// The checklists about the dwelling itself; a home visit recorded there is about the household.
const DWELLING_TEMPLATES = new Set<string>([TEMPLATE_IDS.dwellingInspection, TEMPLATE_IDS.neighbourhood, TEMPLATE_IDS.riskAssessment]);

const YES: LocalText = { nb: 'Ja', en: 'Yes' };
const NO: LocalText = { nb: 'Nei', en: 'No' };

/**
 * One row per dwelling (sorted by area, then address): registry facts, the verdict, the sentences of the rules that
 * decided it, and the date of its latest completed dwelling checklist. Headers and labels in `lang`.
 */
export function registryCsv(
  dwellings: readonly WithId<Dwelling>[],
  inspections: readonly Inspection[],
  lang: Language,
  ruleSet: RuleSet = defaultRuleSet,
  areaName: (id: string) => string = (id) => id,
): string {
  const byDwelling = new Map<string, Inspection[]>();
  for (const i of inspections) {
    if (!i.dwellingId || i.status !== 'completed' || !countsForDwelling(i) || !DWELLING_TEMPLATES.has(i.templateId)) continue;
    const list = byDwelling.get(i.dwellingId);
    if (list) list.push(i);
    else byDwelling.set(i.dwellingId, [i]);
  }
  const sorted = [...dwellings].sort((a, b) => areaName(a.area).localeCompare(areaName(b.area), 'nb') || a.address.localeCompare(b.address, 'nb'));
  const rows: CsvCell[][] = sorted.map((d) => {
    const own = byDwelling.get(d.id) ?? [];
    const a = assessDwelling(d, own, ruleSet);
    const because = new Set(a.because);
    const reasons = a.rules.filter((r) => because.has(r.ruleId)).map((r) => r.reason[lang]);
    const last = own.map((i) => i.completedAt ?? '').sort().at(-1);
    return [
      d.address,
      d.postcode,
      areaName(d.area),
      d.gnr,
      d.bnr,
      d.snr ?? null,
      DWELLING_TYPE_LABELS[d.type][lang],
      d.floor,
      (d.hasLift ? YES : NO)[lang],
      d.areaM2,
      d.rooms,
      d.approvedBedrooms,
      LEASE_TYPE_LABELS[d.leaseType][lang],
      d.leaseYears ?? null,
      (d.vacant ? YES : NO)[lang],
      d.vacantFrom ?? null,
      d.ownership ? OWNERSHIP_LABELS[d.ownership][lang] : null,
      d.wheelchairAccessible == null ? null : (d.wheelchairAccessible ? YES : NO)[lang],
      VERDICT_LABELS[a.verdict][lang],
      reasons.join(' | '),
      last ? last.slice(0, 10) : null,
    ];
  });
  return toCsv(
    HEADER.map((h) => h[lang]),
    rows,
  );
}
