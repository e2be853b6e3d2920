/** Texts of the household access log. */
import { defineText } from '../../i18n/language';

/** The audit dictionary. */
export const AUDIT_TEXT = defineText({
  title: { nb: 'Tilgangslogg: {name}', en: 'Access log: {name}' },
  titleUnknown: { nb: 'Tilgangslogg', en: 'Access log' },
  intro: {
    nb: 'Hver lesing og endring av husstandens opplysninger: hvem, hva og når. Loggen kan ikke endres eller slettes.',
    en: "Every read and change of the household's information: who, what and when. The log cannot be changed or deleted.",
  },
  loading: { nb: 'Henter loggen …', en: 'Fetching the log …' },
  offline: { nb: 'Loggen finnes bare på serveren. Koble til nettet for å se den.', en: 'The log is kept only on the server. Connect to the network to see it.' },
  failed: { nb: 'Kunne ikke hente loggen: {reason}', en: 'Could not fetch the log: {reason}' },
  empty: { nb: 'Ingen oppføringer.', en: 'No entries.' },
  caption: { nb: 'Tilganger, nyeste først', en: 'Accesses, newest first' },
  when: { nb: 'Når', en: 'When' },
  who: { nb: 'Hvem', en: 'Who' },
  what: { nb: 'Hva', en: 'What' },
  record: { nb: 'Post', en: 'Record' },
  fields: { nb: 'Felt', en: 'Fields' },
  records: { nb: '{n} poster', en: '{n} records' },
  read: { nb: 'Lest', en: 'Read' },
  write: { nb: 'Endret', en: 'Changed' },
  via_pull: { nb: 'synkronisering til enhet', en: 'sync to a device' },
  via_push: { nb: 'synkronisering fra enhet', en: 'sync from a device' },
  via_api: { nb: 'oppslag', en: 'look-up' },
  entity_household: { nb: 'Husstand', en: 'Household' },
  entity_visit: { nb: 'Hjemmebesøk', en: 'Home visit' },
  entity_inspection: { nb: 'Sjekkliste', en: 'Checklist' },
  entity_task: { nb: 'Oppgave', en: 'Task' },
  entity_plan: { nb: 'Foyer-plan', en: 'Foyer plan' },
  unknownPerson: { nb: 'Ukjent bruker ({id})', en: 'Unknown user ({id})' },
  older: { nb: 'Vis eldre oppføringer', en: 'Show older entries' },
  back: { nb: 'Tilbake til husstanden', en: 'Back to the household' },
});
