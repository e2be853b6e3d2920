/** Texts of the log-in screen. */
import { defineText } from '../../i18n/language';

/** The log-in screen's dictionary. */
export const LOGIN_TEXT = defineText({
  title: { nb: 'Logg inn i Egnet', en: 'Log in to Egnet' },
  intro: {
    nb: 'Kartlegging av egnede boliger for barnefamilier.',
    en: 'Mapping suitable homes for families with children.',
  },
  reloginIntro: {
    nb: 'Logg inn på nytt som {username} for å fortsette å synkronisere.',
    en: 'Log in again as {username} to continue syncing.',
  },
  username: { nb: 'Brukernavn', en: 'Username' },
  password: { nb: 'Passord', en: 'Password' },
  submit: { nb: 'Logg inn', en: 'Log in' },
  submitting: { nb: 'Logger inn …', en: 'Logging in …' },
  cancel: { nb: 'Avbryt', en: 'Cancel' },
  usernameMissing: { nb: 'Skriv inn brukernavnet ditt.', en: 'Enter your username.' },
  passwordMissing: { nb: 'Skriv inn passordet ditt.', en: 'Enter your password.' },
  wrongCredentials: { nb: 'Feil brukernavn eller passord.', en: 'Wrong username or password.' },
  tooManyMinutes: {
    nb: 'For mange forsøk — prøv igjen om {n} minutter.',
    en: 'Too many attempts — try again in {n} minutes.',
  },
  tooManyOneMinute: {
    nb: 'For mange forsøk — prøv igjen om 1 minutt.',
    en: 'Too many attempts — try again in 1 minute.',
  },
  needsConnection: {
    nb: 'Første innlogging krever nettforbindelse. Koble til nettet og prøv igjen.',
    en: 'The first log-in needs a connection. Connect to the internet and try again.',
  },
  serverError: {
    nb: 'Innloggingen mislyktes ({code}). Prøv igjen om litt.',
    en: 'Log-in failed ({code}). Try again in a moment.',
  },
  language: { nb: 'Språk', en: 'Language' },
});
