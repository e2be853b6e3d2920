/** Texts of the searchable picker. */
import { defineText } from '../i18n/language';

/** The picker's dictionary. */
export const PICKER_TEXT = defineText({
  choices: { nb: 'Treff', en: 'Matches' },
  typeToFind: { nb: 'Skriv en del av adressen, stedet eller gnr./bnr. for å finne blant {n}.', en: 'Type part of the address, the place or the land number to find among {n}.' },
  found: { nb: '{n} treff.', en: '{n} matches.' },
  foundOne: { nb: '1 treff.', en: '1 match.' },
  foundSome: { nb: 'Viser {shown} av {n} treff – skriv mer for å snevre inn.', en: 'Showing {shown} of {n} matches – type more to narrow it down.' },
  foundNone: { nb: 'Ingen treff. Prøv en annen del av adressen.', en: 'No matches. Try another part of the address.' },
  chosen: { nb: 'Valgt: {label}', en: 'Chosen: {label}' },
});
