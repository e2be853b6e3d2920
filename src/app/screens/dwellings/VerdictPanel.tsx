/** The verdict and every reason behind it: failed rules first, then missing answers, then what passed. */
import type { Assessment } from '../../../core/rules/assessDwelling';
import type { RuleStatus } from '../../../core/rules/evaluateRule';
import { VERDICT_LABELS } from '../../../core/rules/verdict';
import { useLocal, useText } from '../../i18n/language';
import { DWELLING_TEXT } from './text';
import { VerdictTag } from './VerdictTag';
import './verdict.css';

const ORDER: Record<RuleStatus, number> = { failed: 0, missing: 1, passed: 2 };
const STATUS_KEY = { passed: 'passed', failed: 'failed', missing: 'missing' } as const;

/**
 * `live` marks the panel beside a checklist being filled in: the region is polite-live so a screen reader hears
 * a new verdict without being interrupted on every answer (only the heading line changes often).
 */
export function VerdictPanel({ assessment, live = false, note, reasonsOpen = true }: { assessment: Assessment; live?: boolean; note?: string; reasonsOpen?: boolean }) {
  const t = useText(DWELLING_TEXT);
  const local = useLocal();
  const rules = [...assessment.rules].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <section class="verdict" aria-labelledby="verdict-title" data-testid="verdict" data-verdict={assessment.verdict}>
      <h2 id="verdict-title" class="ds-heading" data-size="xs">{t('verdictTitle')}</h2>
      <p class="verdict-class" aria-live={live ? 'polite' : undefined} aria-atomic="true">
        <VerdictTag verdict={assessment.verdict} /> <span class="verdict-label">{local(VERDICT_LABELS[assessment.verdict])}</span>
      </p>
      {note && <p class="verdict-note">{note}</p>}
      <details class="verdict-reasons" open={reasonsOpen}>
        <summary>{t('reasons')} ({rules.length})</summary>
        <ul>
          {rules.map((r) => (
            <li key={r.ruleId} data-status={r.status} data-rule={r.ruleId}>
              <span class="verdict-status">{t(STATUS_KEY[r.status])}:</span> {local(r.reason)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
