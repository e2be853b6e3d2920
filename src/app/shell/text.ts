/** Texts of the app frame: header, navigation, skip link, status and update notices. */
import { defineText } from '../i18n/language';

/** The shell's dictionary. */
export const SHELL_TEXT = defineText({
  appName: { nb: 'Egnet', en: 'Egnet' },
  skipToMain: { nb: 'Hopp til hovedinnhold', en: 'Skip to main content' },
  mainNav: { nb: 'Hovedmeny', en: 'Main menu' },
  more: { nb: 'Mer', en: 'More' },
  moreMenu: { nb: 'Flere sider', en: 'More pages' },
  moreCurrent: { nb: '(her er du nå: {page})', en: '(you are here: {page})' },
  online: { nb: 'Tilkoblet', en: 'Online' },
  offline: { nb: 'Frakoblet', en: 'Offline' },
  offlineHint: {
    nb: 'Du er frakoblet. Alt du lagrer blir på enheten til nettet er tilbake.',
    en: 'You are offline. Everything you save stays on this device until the connection is back.',
  },
  loading: { nb: 'Laster …', en: 'Loading …' },
  loadFailed: {
    nb: 'Denne siden kunne ikke lastes. Sjekk nettforbindelsen og last siden på nytt.',
    en: 'This page could not be loaded. Check the connection and reload the page.',
  },
  reload: { nb: 'Last inn på nytt', en: 'Reload' },
  notFoundTitle: { nb: 'Fant ikke siden', en: 'Page not found' },
  notFoundBody: { nb: 'Adressen finnes ikke i Egnet.', en: 'This address does not exist in Egnet.' },
  forbiddenTitle: { nb: 'Ingen tilgang', en: 'No access' },
  forbiddenBody: {
    nb: 'Rollen din gir ikke tilgang til denne siden. Spør en administrator om du trenger den.',
    en: 'Your role does not give access to this page. Ask an administrator if you need it.',
  },
  toHome: { nb: 'Til forsiden', en: 'Go to the home page' },
  sessionExpired: {
    nb: 'Innloggingen din er utløpt. Logg inn på nytt for å synkronisere – det du har lagret, blir på enheten.',
    en: 'Your log-in has expired. Log in again to sync – what you have saved stays on this device.',
  },
  logInAgain: { nb: 'Logg inn på nytt', en: 'Log in again' },
  updateReady: { nb: 'Ny versjon er klar', en: 'A new version is ready' },
  updateNow: { nb: 'Oppdater', en: 'Update' },
  updateLater: { nb: 'Senere', en: 'Later' },
});
