/** Texts of the home screen. */
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
});
