/** The bar above a printable report: back, print, share where the device can, and how to save a PDF; left out on paper. */
import { useState } from 'preact/hooks';
import { useText } from '../../i18n/language';
import { REPORT_TEXT } from './text';

/**
 * Shares the report's link with the Web Share API where the device has it; otherwise opens the print dialogue, whose
 * "Save as PDF" is how a browser makes a PDF of a page (no browser lets a page make one of itself to share as a file).
 */
export async function shareReport(title: string, url: string): Promise<'shared' | 'printed' | 'cancelled'> {
  const data = { title, url };
  if (typeof navigator.share === 'function' && (!navigator.canShare || navigator.canShare(data))) {
    try {
      await navigator.share(data);
      return 'shared';
    } catch {
      return 'cancelled';
    }
  }
  window.print();
  return 'printed';
}

/** The print bar: back, print, and (with `share`) a share button; hidden on paper. */
export function PrintBar({ back, backText, share }: { back: string; backText?: string; share?: { title: string } }) {
  const t = useText(REPORT_TEXT);
  const [said, setSaid] = useState('');
  return (
    <div class="report-no-print report-bar">
      <a class="ds-link" href={back}>
        ← {backText ?? t('back')}
      </a>
      <button type="button" class="ds-button" onClick={() => window.print()}>
        {t('print')}
      </button>
      {share && (
        <button
          type="button"
          class="ds-button"
          data-variant="secondary"
          data-testid="share-report"
          onClick={() => void shareReport(share.title, window.location.href).then((r) => setSaid(r === 'cancelled' ? t('shareFailed') : r === 'printed' ? t('sharePrinted') : ''))}
        >
          {t('share')}
        </button>
      )}
      <p class="report-hint">{t('printHint')}{share ? ` ${t('shareHint')}` : ''}</p>
      {share && <p role="status" class="report-hint" data-testid="share-status">{said}</p>}
    </div>
  );
}
