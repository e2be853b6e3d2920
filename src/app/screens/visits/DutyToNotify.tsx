/** The duty to notify child welfare (barnevernsloven § 13-2), shown as soon as a visit records concern for a child. */
import type { Answers } from '../../../core/checklist/template';
import { useText } from '../../i18n/language';
import { VISIT_TEXT } from './text';

/** True when the home-visit answers say there is concern for a child. */
export function concernForChild(answers: Answers | undefined): boolean {
  return answers?.['child.concern']?.value === true;
}

/** The notice with its next steps; announced to screen readers when it appears. Nothing when there is no concern. */
export function DutyToNotify({ answers }: { answers: Answers | undefined }) {
  const t = useText(VISIT_TEXT);
  if (!concernForChild(answers)) return null;
  const reported = answers?.['child.reported']?.value === true;
  return (
    <div class="ds-alert vi-duty" data-color={reported ? 'info' : 'danger'} role="alert" data-testid="duty-to-notify">
      <h2 class="ds-heading" data-size="xs">{t('dutyTitle')}</h2>
      <p>{t('dutyLead')}</p>
      {reported ? (
        <p>{t('dutyReported')}</p>
      ) : (
        <>
          <h3 class="ds-heading" data-size="2xs">{t('dutyNextTitle')}</h3>
          <ol class="vi-steps">
            <li>{t('dutyStep1')}</li>
            <li>{t('dutyStep2')}</li>
            <li>{t('dutyStep3')}</li>
            <li>{t('dutyStep4')}</li>
          </ol>
        </>
      )}
    </div>
  );
}
