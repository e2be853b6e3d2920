/** Texts of the password change: the screen after log-in with a temporary password and the form under Innstillinger. */
import { defineText } from '../../i18n/language';

/** The password change's dictionary. */
export const PASSWORD_TEXT = defineText({
  title: { nb: 'Bytt passord', en: 'Change password' },
  forcedIntro: {
    nb: 'Hei, {name}. Passordet du fikk av administratoren er midlertidig. Velg ditt eget passord før du fortsetter.',
    en: 'Hello, {name}. The password the administrator gave you is temporary. Choose your own password before you go on.',
  },
  current: { nb: 'Passordet du har nå', en: 'Current password' },
  currentForcedHint: { nb: 'Det midlertidige passordet du logget inn med.', en: 'The temporary password you logged in with.' },
  next: { nb: 'Nytt passord', en: 'New password' },
  nextHint: { nb: 'Minst {min} tegn, ikke et vanlig passord, og et annet enn det du har nå. En setning av flere ord er lett å huske.', en: 'At least {min} characters, not a common password, and not the one you have now. A sentence of several words is easy to remember.' },
  repeat: { nb: 'Gjenta nytt passord', en: 'Repeat new password' },
  repeatMissing: { nb: 'Skriv det nye passordet en gang til', en: 'Enter the new password once more' },
  repeatDiffers: { nb: 'Passordene er ikke like; skriv det samme to ganger', en: 'The passwords do not match; type the same one twice' },
  submit: { nb: 'Bytt passord', en: 'Change password' },
  submitting: { nb: 'Bytter passord …', en: 'Changing password …' },
  done: {
    nb: 'Passordet er byttet. Du er logget ut på andre enheter.',
    en: 'The password is changed. You are logged out on other devices.',
  },
  needsConnection: {
    nb: 'Krever nett: koble til for å bytte passord. Det du har skrevet, er beholdt.',
    en: 'Needs a connection: connect to change the password. What you typed is kept.',
  },
  tooMany: {
    nb: 'For mange feil forsøk. Prøv igjen om {n} min.',
    en: 'Too many failed attempts. Try again in {n} min.',
  },
  failed: { nb: 'Kunne ikke bytte passordet ({reason}). Prøv igjen.', en: 'Could not change the password ({reason}). Try again.' },
  logOut: { nb: 'Logg ut', en: 'Log out' },
  logOutRefused: { nb: 'Du kan ikke logge ut ennå:', en: 'You cannot log out yet:' },
  language: { nb: 'Språk', en: 'Language' },
});
