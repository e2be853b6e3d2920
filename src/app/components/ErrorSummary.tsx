/** The list of what to fix before a form can be saved or completed; each line links to the field and moves focus there. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** One problem: the id of the input to focus and the message in the current language. */
export type SummaryError = { targetId: string; message: string };

type Props = {
  title: string;
  errors: SummaryError[];
  /** Runs before focus moves, e.g. to open the checklist section that holds the field. */
  onGo?: (targetId: string) => void;
  /** Changes whenever the person asks again (each "Fullfør"/"Lagre" press), so focus returns to the summary. */
  attempt: number;
  /** Shown under the list, e.g. the button that tries again. */
  children?: ComponentChildren;
};

/** Focuses the field (after `onGo` has had a frame to render it) and scrolls it into view. */
export function focusField(targetId: string): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(targetId);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  });
}

/**
 * Shown at the top of the form after a failed attempt. It takes focus so a screen reader reads it at once;
 * each link goes to its field (GOV.UK / Designsystemet pattern).
 */
export function ErrorSummary({ title, errors, onGo, attempt, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) box.current?.focus();
    // Only a new attempt moves focus; errors disappearing while the person fixes them must not steal it.
  }, [attempt]);
  if (!errors.length) return null;
  const headingId = `error-summary-${attempt}`;
  return (
    <div class="ds-error-summary" ref={box} tabIndex={-1} role="region" aria-labelledby={headingId} data-testid="error-summary">
      <h2 id={headingId} class="ds-heading" data-size="xs">{title}</h2>
      <ul class="ds-list">
        {errors.map((e) => (
          <li key={e.targetId + e.message}>
            <a
              class="ds-link"
              href={`#${e.targetId}`}
              onClick={(ev) => {
                ev.preventDefault();
                onGo?.(e.targetId);
                focusField(e.targetId);
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
