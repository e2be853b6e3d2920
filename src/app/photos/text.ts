/** Texts of photo taking: camera and gallery buttons, captions, and what went wrong. */
import { defineText } from '../i18n/language';

/** The photo dictionary. */
export const PHOTO_TEXT = defineText({
  takePhoto: { nb: 'Ta bilde', en: 'Take a photo' },
  chooseFromGallery: { nb: 'Velg fra galleri', en: 'Choose from gallery' },
  photoN: { nb: 'Bilde {n}', en: 'Photo {n}' },
  caption: { nb: 'Bildetekst', en: 'Caption' },
  remove: { nb: 'Fjern bilde {n}', en: 'Remove photo {n}' },
  processing: { nb: 'Forminsker bildet …', en: 'Shrinking the photo …' },
  added: { nb: 'Bilde lagt til og lagret på enheten.', en: 'Photo added and saved on this device.' },
  limit: { nb: 'Du kan legge til {max} bilder her.', en: 'You can add {max} photos here.' },
  decodeFailed: {
    nb: '«{name}» kunne ikke leses som et bilde. Ta bildet på nytt, eller velg et JPEG-, PNG- eller WebP-bilde.',
    en: '"{name}" could not be read as an image. Take the photo again, or choose a JPEG, PNG or WebP image.',
  },
  storageFull: {
    nb: 'Bildet ble ikke lagret: lagringsplassen på enheten er full. Alt som alt er lagret, er trygt. Synkroniser, slett gamle bilder eller frigjør plass, og prøv igjen.',
    en: 'The photo was not saved: the device storage is full. Everything already saved is safe. Sync, delete old photos or free up space, and try again.',
  },
  tooLarge: {
    nb: '«{name}» er for stort selv etter forminsking. Ta bildet på nytt med lavere oppløsning.',
    en: '"{name}" is too large even after shrinking. Take the photo again at a lower resolution.',
  },
  notSaved: {
    nb: '«{name}» ble ikke lagret på enheten. Prøv igjen.',
    en: '"{name}" was not saved on this device. Try again.',
  },
  noPhotos: { nb: 'Ingen bilder ennå.', en: 'No photos yet.' },
  thumbnailMissing: { nb: 'Bildet er ikke på denne enheten ennå.', en: 'The photo is not on this device yet.' },
});
