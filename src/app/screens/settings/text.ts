/** Texts of the settings screen. */
import { defineText } from '../../i18n/language';

/** The settings screen's dictionary. */
export const SETTINGS_TEXT = defineText({
  title: { nb: 'Innstillinger', en: 'Settings' },
  dataTitle: { nb: 'Kommunens data', en: "The municipality's data" },
  importRegistry: { nb: 'Importer boligregisteret (CSV eller Excel)', en: 'Import the dwelling registry (CSV or Excel)' },
  importPlaces: { nb: 'Importer steder i nærmiljøet (CSV)', en: 'Import places in the neighbourhood (CSV)' },
  about: { nb: 'Om appen', en: 'About the app' },
  version: { nb: 'Versjon', en: 'Version' },
  signedInAs: { nb: 'Innlogget som', en: 'Logged in as' },
  language: { nb: 'Språk', en: 'Language' },
  municipality: { nb: 'Kommunen og appen', en: 'The municipality and the app' },
  municipalitySettings: { nb: 'Innstillinger for kommunen', en: 'Municipality settings' },
  accessibility: { nb: 'Tilgjengelighetserklæring', en: 'Accessibility statement' },
  storage: { nb: 'Lagring på enheten', en: 'Storage on this device' },
  persistence: { nb: 'Varig lagring', en: 'Persistent storage' },
  persistAsking: { nb: 'Spør nettleseren …', en: 'Asking the browser …' },
  persistGranted: {
    nb: 'Innvilget – nettleseren sletter ikke dataene dine ved lite plass.',
    en: 'Granted – the browser will not delete your data when space runs low.',
  },
  persistDenied: {
    nb: 'Ikke innvilget – nettleseren kan slette lagrede data ved lite plass. Installer appen og synkroniser ofte.',
    en: 'Not granted – the browser may delete stored data when space runs low. Install the app and sync often.',
  },
  persistUnsupported: {
    nb: 'Denne nettleseren støtter ikke varig lagring.',
    en: 'This browser does not support persistent storage.',
  },
  evictionWarning: {
    nb: 'I Safari kan data på enheten bli slettet etter 7 dager uten bruk når Egnet ikke er lagt til på Hjem-skjermen. Legg Egnet til på Hjem-skjermen (Del → Legg til på Hjem-skjerm), synkroniser før en pause, og eksporter det som ikke er synkronisert hvis du ikke får kontakt.',
    en: 'In Safari, data on this device may be deleted after 7 days without use when Egnet is not added to the home screen. Add Egnet to the home screen (Share → Add to Home Screen), sync before a break, and export what is not synced if you cannot connect.',
  },
  askAgain: { nb: 'Be om varig lagring', en: 'Ask for persistent storage' },
  usage: { nb: 'Brukt', en: 'Used' },
  usageOf: { nb: '{usage} av {quota}', en: '{usage} of {quota}' },
  usageUnknown: { nb: 'Ukjent – nettleseren oppgir ikke plassbruk.', en: 'Unknown – the browser does not report usage.' },
  changePassword: { nb: 'Bytt passord', en: 'Change password' },
  logOut: { nb: 'Logg ut', en: 'Log out' },
  loggingOut: { nb: 'Logger ut …', en: 'Logging out …' },
  logOutRefused: { nb: 'Du kan ikke logge ut ennå:', en: 'You cannot log out yet:' },
});
