/** Texts of the sync status, the export of unsynced data, and the log-out guard. */
import { defineText } from '../i18n/language';

/** The sync feature's dictionary. */
export const SYNC_TEXT = defineText({
  allSynced: { nb: 'Alt er synkronisert', en: 'Everything is synced' },
  storeStuck: {
    nb: 'Lagring på enheten svarer ikke — last inn siden på nytt',
    en: 'Storage on this device is not responding — reload the page',
  },
  reload: { nb: 'Last inn på nytt', en: 'Reload' },
  pendingOne: { nb: '1 endring venter ({age})', en: '1 change waiting ({age})' },
  pendingMany: { nb: '{n} endringer venter (eldste {age})', en: '{n} changes waiting (oldest {age})' },
  lastSync: { nb: 'Sist synkronisert {time}', en: 'Last synced {time}' },
  neverSynced: { nb: 'Ikke synkronisert ennå', en: 'Not synced yet' },
  syncNow: { nb: 'Synkroniser nå', en: 'Sync now' },
  syncing: { nb: 'Synkroniserer …', en: 'Syncing …' },
  needsAttention: { nb: '{n} trenger oppmerksomhet', en: '{n} need attention' },
  notSaved: {
    nb: 'En endring ble ikke lagret på enheten. Prøv igjen; last inn siden på nytt hvis det gjentar seg.',
    en: 'A change was not saved on this device. Try again; reload the page if it happens again.',
  },
  justNow: { nb: 'nå nettopp', en: 'just now' },
  minutes: { nb: '{n} min', en: '{n} min' },
  hours: { nb: '{n} t', en: '{n} h' },
  days: { nb: '{n} d', en: '{n} d' },
  exportTitle: { nb: 'Usynkroniserte data', en: 'Unsynced data' },
  exportHelp: {
    nb: 'Som en siste utvei kan du laste ned alt som ikke er lagret på serveren (ventende endringer, endringer som ikke kunne lagres og konflikter) til en JSON-fil, og gi den til en administrator.',
    en: 'As a last resort you can download everything not yet saved on the server (waiting changes, changes that could not be saved, and conflicts) to a JSON file, and give it to an administrator.',
  },
  exportButton: { nb: 'Eksporter usynkroniserte data', en: 'Export unsynced data' },
  exportCounts: {
    nb: '{pending} ventende, {rejected} kunne ikke lagres, {conflicts} konflikter',
    en: '{pending} waiting, {rejected} could not be saved, {conflicts} conflicts',
  },
  exportDone: { nb: 'Filen {file} er lastet ned.', en: 'The file {file} has been downloaded.' },
  logoutUnsynced: {
    nb: 'Endringer som ikke er på serveren ennå: {n}. Synkroniser, avgjør konfliktene under Synkronisering, eller eksporter dem under Innstillinger først.',
    en: 'Changes not on the server yet: {n}. Sync, settle the conflicts under Sync, or export them in Settings first.',
  },
});
