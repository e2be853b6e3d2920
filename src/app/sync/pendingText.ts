/** Texts of the list of changes waiting to sync. */
import { defineText } from '../i18n/language';

/** The pending list's dictionary. */
export const PENDING_TEXT = defineText({
  pendingChangeOne: { nb: '1 endring siden {when}', en: '1 change since {when}' },
  pendingChanges: { nb: '{n} endringer siden {when}', en: '{n} changes since {when}' },
  pendingDeleted: { nb: 'slettet, venter på å bli sendt', en: 'deleted, waiting to be sent' },
});
