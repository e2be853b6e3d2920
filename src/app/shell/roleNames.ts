/** What each role is called in the user interface. */
import type { Role } from '../../core/entities';
import type { LocalText } from '../../core/text';

/** The name of each role as a person reads it. */
export const ROLE_NAMES: Record<Role, LocalText> = {
  admin: { nb: 'Administrator', en: 'Administrator' },
  inspector: { nb: 'Inspektør (eiendom)', en: 'Inspector (property services)' },
  counsellor: { nb: 'Boveileder', en: 'Housing counsellor' },
  intake: { nb: 'Inntaksteam', en: 'Intake team' },
};
