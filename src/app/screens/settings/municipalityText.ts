/** Texts of the municipality settings screen. */
import { defineText } from '../../i18n/language';

/** The municipality settings screen's dictionary. */
export const MUNICIPALITY_TEXT = defineText({
  title: { nb: 'Innstillinger for kommunen', en: 'Municipality settings' },
  intro: {
    nb: 'Det som gjelder for hele kommunen: navn og nummer, områdene boligene grupperes i, enhetene som deler arbeidet, regelsettet og hvor ofte boligene befares. Endringene lagres på enheten og går til alle enheter ved neste synkronisering.',
    en: 'What holds for the whole municipality: name and number, the areas the dwellings are grouped in, the units that share the work, the rule set and how often dwellings are inspected. Changes are saved on this device and reach every device at the next sync.',
  },
  notSetUp: {
    nb: 'Kommunen er ikke satt opp ennå. Fyll ut skjemaet og lagre.',
    en: 'The municipality is not set up yet. Fill in the form and save.',
  },
  loading: { nb: 'Henter innstillingene …', en: 'Loading the settings …' },
  municipality: { nb: 'Kommunen', en: 'The municipality' },
  name: { nb: 'Kommunens navn', en: "The municipality's name" },
  number: { nb: 'Kommunenummer', en: 'Municipality number' },
  numberHint: { nb: 'Fire sifre, som hos SSB og Kartverket (for eksempel 0301).', en: 'Four digits, as Statistics Norway and Kartverket use it (e.g. 0301).' },
  areas: { nb: 'Områder', en: 'Areas' },
  areasHint: {
    nb: 'Boligene og husstandenes ønsker viser til området, ikke navnet: et nytt navn endrer ingen bolig.',
    en: 'Dwellings and households refer to the area, not its name: a new name changes no dwelling.',
  },
  areaName: { nb: 'Navn på område {n}', en: 'Name of area {n}' },
  areaCode: { nb: 'Kode for område {n} (valgfritt)', en: 'Code of area {n} (optional)' },
  areaInUse: { nb: '{count} boliger', en: '{count} dwellings' },
  areaInUseOne: { nb: '1 bolig', en: '1 dwelling' },
  addArea: { nb: 'Legg til område', en: 'Add an area' },
  removeArea: { nb: 'Fjern område {n}', en: 'Remove area {n}' },
  removeInUse: {
    nb: '{name} brukes av {count}. Boligene beholder området, men det vises bare med sin ID. Fjerne likevel?',
    en: '{name} is used by {count}. The dwellings keep the area, but it shows by its id only. Remove anyway?',
  },
  units: { nb: 'Enheter', en: 'Units' },
  unitsHint: {
    nb: 'Enhetene som eier oppgaver og tiltak og kan nevnes i et samtykke, for eksempel Nav-kontoret, eiendomsavdelingen og flyktningtjenesten.',
    en: 'The units that own tasks and actions and may be named in a consent, such as the labour and welfare office, property services and refugee services.',
  },
  unitName: { nb: 'Navn på enhet {n}', en: 'Name of unit {n}' },
  unitNameEn: { nb: 'Engelsk navn på enhet {n} (valgfritt)', en: 'English name of unit {n} (optional)' },
  addUnit: { nb: 'Legg til enhet', en: 'Add a unit' },
  removeUnit: { nb: 'Fjern enhet {n}', en: 'Remove unit {n}' },
  actionUnit: { nb: 'Enhet som eier tiltak etter befaringer', en: 'Unit that owns the actions after inspections' },
  actionUnitHint: { nb: 'Foreslås for hvert tiltak; inspektøren kan velge en annen.', en: 'Proposed for each action; the inspector may choose another.' },
  actionUnitNone: { nb: 'Lagre en enhet først', en: 'Save a unit first' },
  ruleSet: { nb: 'Regelsett i bruk', en: 'Rule set in force' },
  intervals: { nb: 'Befaringsintervaller', en: 'Inspection intervals' },
  regularMonths: { nb: 'Hver bolig minst hver (måneder)', en: 'Every dwelling at least every (months)' },
  afterRedRiskMonths: { nb: 'Etter rød risiko (måneder)', en: 'After a red risk (months)' },
  afterOpenTg3Months: { nb: 'Mens en TG3 er åpen (måneder)', en: 'While a TG3 is open (months)' },
  save: { nb: 'Lagre innstillingene', en: 'Save the settings' },
  saving: { nb: 'Lagrer …', en: 'Saving …' },
  saved: { nb: 'Lagret. Alle enheter får endringene ved neste synkronisering.', en: 'Saved. Every device gets the changes at the next sync.' },
  formErrors: { nb: 'Dette må rettes før du kan lagre', en: 'Fix this before you can save' },
  accessibility: { nb: 'Tilgjengelighetserklæring', en: 'Accessibility statement' },
  back: { nb: 'Tilbake til Innstillinger', en: 'Back to Settings' },
  onlyAdmins: { nb: 'Bare administratorer kan endre innstillingene for kommunen.', en: 'Only administrators can change the municipality settings.' },
});
