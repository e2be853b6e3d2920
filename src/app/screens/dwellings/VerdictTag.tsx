/** A dwelling's verdict as a short coloured tag; the words carry the meaning, the colour only repeats it. */
import type { Verdict } from '../../../core/rules/verdict';
import { useText } from '../../i18n/language';
import { DWELLING_TEXT } from './text';

const COLOR: Record<Verdict, string> = { suited0to3: 'success', suited3plus: 'info', notSuitable: 'danger', notAssessed: 'neutral' };
const KEY = { suited0to3: 'verdict_suited0to3', suited3plus: 'verdict_suited3plus', notSuitable: 'verdict_notSuitable', notAssessed: 'verdict_notAssessed' } as const;

/** The short verdict tag used in lists; null while the verdict is being computed. */
export function VerdictTag({ verdict }: { verdict: Verdict | null }) {
  const t = useText(DWELLING_TEXT);
  if (!verdict) return <span class="ds-tag dw-verdict-tag" data-color="neutral">{t('verdictPending')}</span>;
  return (
    <span class="ds-tag dw-verdict-tag" data-color={COLOR[verdict]} data-verdict={verdict}>
      {t(KEY[verdict])}
    </span>
  );
}
