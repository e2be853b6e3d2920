/** The bar above a printable report: back, print, and how to save a PDF; left out on paper. */
import { useText } from '../../i18n/language';
import { REPORT_TEXT } from './text';

/** The print bar: a print button and how to save as PDF; hidden on paper. */
export function PrintBar({ back }: { back: string }) {
  const t = useText(REPORT_TEXT);
  return (
    <div class="report-no-print report-bar">
      <a class="ds-link" href={back}>
        ← {t('back')}
      </a>
      <button type="button" class="ds-button" onClick={() => window.print()}>
        {t('print')}
      </button>
      <p class="report-hint">{t('printHint')}</p>
    </div>
  );
}
