/**
 * The question before a checklist is completed: completing locks it, so the person sees what will be locked (which
 * checklist, how many answers and photos, the verdict it gives) and confirms or goes back. A modal dialog: focus
 * starts on "Go back", Escape closes it, and focus returns to the button that opened it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useText } from '../../i18n/language';
import { CHECKLIST_TEXT } from './text';

type Props = {
  open: boolean;
  /** What is completed, e.g. "Boligbefaring: Storgata 1". */
  what: string;
  /** What will be locked, one line each. */
  lines: string[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** More to confirm before locking (a dwelling's follow-up actions and signatures). */
  children?: ComponentChildren;
  /** What stops the locking, shown above the buttons. */
  error?: string | null;
};

export function CompleteDialog({ open, what, lines, busy, onConfirm, onCancel, children, error }: Props) {
  const t = useText(CHECKLIST_TEXT);
  const dialog = useRef<HTMLDialogElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      back.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      class="cl-confirm"
      aria-labelledby="complete-confirm-title"
      aria-describedby="complete-confirm-what complete-confirm-lock"
      data-testid="complete-confirm"
      onClose={() => open && onCancel()}
    >
      <h2 id="complete-confirm-title" class="ds-heading" data-size="sm">{t('confirmTitle')}</h2>
      <p id="complete-confirm-what" class="cl-confirm-what">{what}</p>
      <ul class="ds-list" data-testid="complete-confirm-lines">
        {lines.map((line) => <li key={line}>{line}</li>)}
      </ul>
      {children}
      <p id="complete-confirm-lock">{t('confirmLock')}</p>
      {error && <p class="ds-validation-message" role="alert" data-testid="complete-confirm-error">{error}</p>}
      <div class="cl-confirm-actions">
        <button type="button" class="ds-button" data-variant="primary" onClick={onConfirm} aria-disabled={busy || undefined}>
          {busy ? t('completing') : t('confirmYes')}
        </button>
        <button type="button" ref={back} class="ds-button" data-variant="secondary" onClick={onCancel}>{t('confirmNo')}</button>
      </div>
    </dialog>
  );
}
