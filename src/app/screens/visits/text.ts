/** Texts of the home-visit screen: the visit, the duty to notify child welfare, and agreed actions as tasks. */
import { defineText } from '../../i18n/language';

/** The visits dictionary. */
export const VISIT_TEXT = defineText({
  loading: { nb: 'Laster …', en: 'Loading …' },
  notFound: { nb: 'Fant ikke besøket på denne enheten.', en: 'The visit is not on this device.' },
  visitOf: { nb: 'Hjemmebesøk hos {name}, {date}', en: 'Home visit to {name}, {date}' },
  backToHousehold: { nb: 'Tilbake til husstanden', en: 'Back to the household' },
  noChecklist: { nb: 'Besøket har ingen sjekkliste.', en: 'The visit has no checklist.' },
  dutyTitle: { nb: 'Plikt til å melde fra til barnevernet', en: 'Duty to notify child welfare' },
  dutyLead: {
    nb: 'Du har krysset av for bekymring for et barn. Etter barnevernsloven § 13-2 skal du melde fra til barnevernstjenesten når det er grunn til å tro at et barn blir mishandlet, utsatt for alvorlige mangler ved omsorgen eller har alvorlige atferdsvansker. Plikten er personlig og går foran taushetsplikten – samtykke trengs ikke.',
    en: 'You ticked concern for a child. Under the Child Welfare Act § 13-2 you must notify the child welfare service when there is reason to believe a child is being abused, suffers serious deficiencies in care or has serious behavioural problems. The duty is personal and overrides confidentiality – no consent is needed.',
  },
  dutyNextTitle: { nb: 'Neste steg', en: 'Next steps' },
  dutyStep1: {
    nb: 'Er barnet i akutt fare: ring barnevernvakten eller politiet på 112 nå.',
    en: 'If the child is in immediate danger: call the child welfare emergency service or the police on 112 now.',
  },
  dutyStep2: {
    nb: 'Send en skriftlig bekymringsmelding til barnevernstjenesten i dag. Er du usikker, kan du drøfte saken anonymt med dem først.',
    en: 'Send a written notification to the child welfare service today. If unsure, you may discuss the case with them anonymously first.',
  },
  dutyStep3: {
    nb: 'Kryss av i sjekklisten at meldingen er sendt, og beskriv bekymringen kort – uten navn på barnet.',
    en: "Tick in the checklist that the notification has been sent, and describe the concern briefly – without the child's name.",
  },
  dutyStep4: { nb: 'Informer nærmeste leder.', en: 'Inform your line manager.' },
  dutyReported: {
    nb: 'Bekymringsmelding er registrert som sendt. Følg opp med barnevernstjenesten ved behov.',
    en: 'The notification is recorded as sent. Follow up with the child welfare service as needed.',
  },
  actionsTitle: { nb: 'Avtalte tiltak som oppgaver', en: 'Agreed actions as tasks' },
  actionsIntro: {
    nb: 'Hvert tiltak blir en oppgave med ansvarlig enhet og frist. Enheten ser oppgaven bare hvis familiens samtykke dekker avtalte oppgaver.',
    en: "Each action becomes a task with an owner unit and a deadline. The unit sees the task only if the family's consent covers agreed tasks.",
  },
  noTasks: { nb: 'Ingen oppgaver fra dette besøket ennå.', en: 'No tasks from this visit yet.' },
});
