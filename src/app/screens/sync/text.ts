/** Texts of the sync review screen: conflicts to settle and changes that could not be saved. */
import { defineText } from '../../i18n/language';

/** The review screen's dictionary. */
export const REVIEW_TEXT = defineText({
  title: { nb: 'Synkronisering', en: 'Sync' },
  statusTitle: { nb: 'Status på denne enheten', en: 'Status on this device' },
  statusPending: { nb: 'Endringer som venter', en: 'Changes waiting' },
  statusOldest: { nb: '{n} (eldste fra {when})', en: '{n} (oldest from {when})' },
  statusLastSync: { nb: 'Sist synkronisert', en: 'Last synced' },
  statusNever: { nb: 'Ikke synkronisert ennå', en: 'Not synced yet' },
  statusLastError: { nb: 'Siste feil', en: 'Last error' },
  intro: {
    nb: 'Her ser du endringer som trenger deg: konflikter der noen andre endret det samme feltet, og endringer serveren ikke kunne lagre.',
    en: 'Here are the changes that need you: conflicts where someone else changed the same field, and changes the server could not save.',
  },
  conflictsTitle: { nb: 'Trenger gjennomgang', en: 'Needs review' },
  conflictsNone: { nb: 'Ingen konflikter.', en: 'No conflicts.' },
  conflictsHelp: {
    nb: 'Du og en annen endret samme felt mens dere ikke så hverandres endring. Posten viser nå serverens verdi. Velg hvilken verdi som skal gjelde.',
    en: 'You and someone else changed the same field without seeing each other’s change. The record now shows the server’s value. Choose which value applies.',
  },
  field: { nb: 'Felt', en: 'Field' },
  mine: { nb: 'Din verdi', en: 'Your value' },
  server: { nb: 'Verdien på serveren', en: 'The value on the server' },
  serverBy: { nb: 'Endret av {who}, {when}', en: 'Changed by {who}, {when}' },
  someone: { nb: 'en annen', en: 'someone else' },
  keepMine: { nb: 'Bruk min verdi', en: 'Use my value' },
  keepServer: { nb: 'Behold serverens verdi', en: 'Keep the server’s value' },
  rejectedTitle: { nb: 'Kunne ikke lagres', en: 'Could not be saved' },
  rejectedNone: { nb: 'Ingen endringer er avvist.', en: 'No changes were refused.' },
  rejectedHelp: {
    nb: 'Serveren tok ikke imot disse endringene. De er ikke tapt: rett opp posten og prøv igjen, eksporter dem, eller forkast dem.',
    en: 'The server did not accept these changes. They are not lost: fix the record and try again, export them, or discard them.',
  },
  reason: { nb: 'Grunn', en: 'Reason' },
  tried: { nb: 'Det du prøvde å lagre', en: 'What you tried to save' },
  deleteOp: { nb: 'Sletting av posten', en: 'Deleting the record' },
  openRecord: { nb: 'Åpne posten', en: 'Open the record' },
  retry: { nb: 'Prøv igjen', en: 'Try again' },
  discard: { nb: 'Forkast', en: 'Discard' },
  confirmDiscard: {
    nb: 'Forkaste endringen for godt? Den kan ikke hentes tilbake (eksporter den først om du vil ta vare på den).',
    en: 'Discard the change for good? It cannot be brought back (export it first if you want to keep it).',
  },
  empty: { nb: '(tom)', en: '(empty)' },
  yes: { nb: 'Ja', en: 'Yes' },
  no: { nb: 'Nei', en: 'No' },
  note: { nb: 'Merknad', en: 'Note' },
  photos: { nb: '{n} bilder', en: '{n} photos' },
  loading: { nb: 'Laster …', en: 'Loading …' },
  failed: { nb: 'Det gikk ikke: {message}', en: 'That did not work: {message}' },
});
