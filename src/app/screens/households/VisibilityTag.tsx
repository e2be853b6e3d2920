/** The visibility class of a household field, shown next to its label so the counsellor knows what may be shared. */
import { HOUSEHOLD_FIELD_VISIBILITY } from '../../../core/privacy/householdFields';
import { CONSENT_CATEGORY_LABELS, type Household } from '../../../core/schemas/household';
import { useLocal, useText } from '../../i18n/language';
import { HOUSEHOLD_TEXT } from './text';

/** "Counsellor only", or "Shareable with consent" naming the categories that share it. */
export function VisibilityTag({ field }: { field: keyof Household }) {
  const t = useText(HOUSEHOLD_TEXT);
  const local = useLocal();
  const v = HOUSEHOLD_FIELD_VISIBILITY[field];
  if (v.class === 'counsellorOnly') {
    return <span class="ds-tag hh-vis" data-color="warning" data-size="sm">{t('visCounsellor')}</span>;
  }
  const categories = v.categories.length > 2 ? '' : `: ${v.categories.map((c) => local(CONSENT_CATEGORY_LABELS[c]).toLowerCase()).join(', ')}`;
  return <span class="ds-tag hh-vis" data-color="info" data-size="sm">{t('visShared')}{categories}</span>;
}
