/** Texts of the home screen. */
import type { LocalText } from '../../../core/text';
import { defineText } from '../../i18n/language';

/** The home screen's dictionary. */
export const HOME_TEXT = defineText({
  title: { nb: 'Hei, {name}', en: 'Hello, {name}' },
  role: { nb: 'Rolle', en: 'Role' },
  roles: { nb: 'Roller', en: 'Roles' },
  connection: { nb: 'Nettforbindelse', en: 'Connection' },
  online: { nb: 'Tilkoblet – endringer synkroniseres med serveren.', en: 'Online – changes sync with the server.' },
  offline: {
    nb: 'Frakoblet – du kan jobbe videre; det du lagrer, blir på enheten til nettet er tilbake.',
    en: 'Offline – you can keep working; what you save stays on this device until the connection is back.',
  },
  username: { nb: 'Brukernavn', en: 'Username' },
  loading: { nb: 'Laster …', en: 'Loading …' },
  nowTitle: { nb: 'Trenger deg nå', en: 'Needs you now' },
  nothingNow: {
    nb: 'Ingenting haster på denne enheten akkurat nå. Velg hvor du vil begynne under.',
    en: 'Nothing is pressing on this device right now. Choose where to start below.',
  },
  overdueTasks: { nb: '{n} oppgaver har passert fristen', en: '{n} tasks are past their deadline' },
  overdueTasksOne: { nb: '1 oppgave har passert fristen', en: '1 task is past its deadline' },
  openTasks: { nb: '{n} åpne oppgaver med frist fram i tid', en: '{n} open tasks with a deadline ahead' },
  openTasksOne: { nb: '1 åpen oppgave med frist fram i tid', en: '1 open task with a deadline ahead' },
  consentMissing: {
    nb: '{n} husstander du følger mangler gyldig samtykke',
    en: '{n} households you follow have no valid consent',
  },
  consentMissingOne: {
    nb: '1 husstand du følger mangler gyldig samtykke',
    en: '1 household you follow has no valid consent',
  },
  vacantDwellings: { nb: '{n} ledige boliger – finn en som passer en husstand', en: '{n} vacant dwellings – find one that fits a household' },
  vacantDwellingsOne: { nb: '1 ledig bolig – se om den passer en husstand', en: '1 vacant dwelling – see whether it fits a household' },
  inspectionsOverdue: { nb: '{n} boliger har passert datoen for neste kontroll', en: '{n} dwellings are past their next inspection date' },
  inspectionsOverdueOne: { nb: '1 bolig har passert datoen for neste kontroll', en: '1 dwelling is past its next inspection date' },
  myOverdue: { nb: '{n} av befaringene dine er forfalt', en: '{n} of your inspections are overdue' },
  myOverdueOne: { nb: '1 av befaringene dine er forfalt', en: '1 of your inspections is overdue' },
  myDue: { nb: '{n} befaringer skal gjøres denne uken', en: '{n} inspections are due this week' },
  myDueOne: { nb: '1 befaring skal gjøres denne uken', en: '1 inspection is due this week' },
  mineTitle: { nb: 'Mine befaringer', en: 'My inspections' },
  mineSummary: {
    nb: '{overdue} forfalt, {due} denne uken, {later} senere, {done} fullført denne uken',
    en: '{overdue} overdue, {due} this week, {later} later, {done} done this week',
  },
  mineOpen: { nb: 'Åpne Mine befaringer', en: 'Open My inspections' },
  neverInspected: { nb: '{n} boliger er aldri kontrollert', en: '{n} dwellings have never been inspected' },
  neverInspectedOne: { nb: '1 bolig er aldri kontrollert', en: '1 dwelling has never been inspected' },
  inspectionsDueSoon: { nb: '{n} boliger skal kontrolleres innen 30 dager', en: '{n} dwellings are due for inspection within 30 days' },
  inspectionsDueSoonOne: { nb: '1 bolig skal kontrolleres innen 30 dager', en: '1 dwelling is due for inspection within 30 days' },
  onlyBelow: { nb: 'Ingen frister eller kontroller haster. Se utkastene dine og det som venter på synkronisering under.', en: 'No deadline or inspection is pressing. See your drafts and what waits to sync below.' },
  draftsTitle: { nb: 'Dine utkast ({n})', en: 'Your drafts ({n})' },
  draftStarted: { nb: 'startet {when}', en: 'started {when}' },
  pendingTitle: { nb: 'Venter på synkronisering', en: 'Waiting to sync' },
  screensTitle: { nb: 'Dine sider', en: 'Your pages' },
});

/** One line per screen in the menu, saying what it is for (screens without a line are not listed on the home screen). */
export const SCREEN_DESCRIPTIONS: Record<string, LocalText> = {
  '/dwellings': { nb: 'søk i boligregisteret og se hvorfor hver bolig er egnet eller ikke', en: 'search the dwelling registry and see why each dwelling suits or not' },
  '/my-inspections': { nb: 'befaringene du har fått tildelt og utkastene dine; derfra planlegger du befaringer', en: 'the inspections assigned to you and your drafts; plan inspections from there' },
  '/households': { nb: 'husstander, samtykke, hjemmebesøk og oppgaver', en: 'households, consent, home visits and tasks' },
  '/tasks': { nb: 'oppgaver mellom enhetene og agendaen til månedsmøtet', en: 'tasks between the units and the monthly meeting’s agenda' },
  '/foyer': { nb: 'treårsplaner for ungdom 16–23 år', en: 'three-year plans for young people aged 16–23' },
  '/overview': { nb: 'boligmassen etter egnethet, «barna først» og boliger som trenger befaring', en: 'the stock by suitability, "children first" and dwellings due for inspection' },
  '/match': { nb: 'finn ledige boliger som passer en husstand', en: 'find vacant dwellings that fit a household' },
  '/allocations': { nb: 'registrer tildelinger og se andelen til barnefamilier per år', en: 'record allocations and see the share to families with children per year' },
};
