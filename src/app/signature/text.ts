/** Texts of the signature pad. */
import { defineText } from '../i18n/language';

/** The signature pad's dictionary. */
export const SIGNATURE_TEXT = defineText({
  padLabel: { nb: 'Signaturfelt', en: 'Signature field' },
  padHelp: {
    nb: 'Skriv under med fingeren eller en penn i feltet. Kan ikke den som samtykker skrive på skjermen, velg «Gitt på papir».',
    en: 'Sign with a finger or a pen in the field. If the person cannot sign on the screen, choose "Given on paper".',
  },
  clear: { nb: 'Tøm og skriv på nytt', en: 'Clear and sign again' },
  signed: { nb: 'Underskrift er tegnet.', en: 'A signature has been drawn.' },
  empty: { nb: 'Ingen underskrift ennå.', en: 'No signature yet.' },
  cleared: { nb: 'Underskriften er fjernet.', en: 'The signature was cleared.' },
  imageAlt: { nb: 'Underskrift på samtykket', en: 'Signature on the consent' },
  notOnDevice: { nb: 'Bildet av underskriften er ikke på denne enheten.', en: 'The image of the signature is not on this device.' },
});
