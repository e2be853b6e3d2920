/** A short message after a removal, with an undo button for some seconds; the message is read out by screen readers. */
import { useEffect, useRef, useState } from 'preact/hooks';
import './toast.css';

/** What the toast says, and the undo it offers (absent once used or for messages without one). */
export type ToastMessage = {
  /** Changes with every new message, so the timer starts again. */
  key: string;
  text: string;
  undo?: { label: string; accessibleName: string; run: () => void };
  /** Moves focus to the undo button (the control the person used is gone); for keyboard use. */
  focus?: boolean;
};

type Props = {
  message: ToastMessage | null;
  /** The undo is gone: the time ran out or the person pressed Escape. */
  onClose: () => void;
  /** Where focus goes when the toast closes with focus in it (the button it held disappears). */
  returnFocus: () => void;
  /** How long undo is offered; the clock stands still while the pointer or focus is on the toast. */
  seconds?: number;
};

/**
 * The live region is always in the page, so a message put into it is announced. The time pauses while the person is on
 * the toast (WCAG 2.2.1: time limits can be extended), and Escape closes it.
 */
export function UndoToast({ message, onClose, returnFocus, seconds = 10 }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const left = useRef(seconds * 1000);
  const paused = hovered || focused;
  const active = !!message;

  useEffect(() => {
    left.current = seconds * 1000;
    setHovered(false);
    if (message?.undo && message.focus) button.current?.focus();
  }, [message?.key]);

  useEffect(() => {
    if (!active || paused) return;
    const started = Date.now();
    const timer = setTimeout(onClose, left.current);
    return () => {
      clearTimeout(timer);
      left.current = Math.max(1000, left.current - (Date.now() - started));
    };
  }, [message?.key, active, paused]);

  const close = () => {
    const hadFocus = focused;
    onClose();
    if (hadFocus) returnFocus();
  };

  return (
    <div
      class="undo-toast"
      data-open={active ? 'true' : undefined}
      data-testid="undo-toast"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={(e) => setFocused(e.currentTarget.contains(e.relatedTarget as Node | null))}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && active) close();
      }}
    >
      <p class="undo-toast-text" role="status">
        {message?.text ?? ''}
      </p>
      {message?.undo && (
        <button
          ref={button}
          type="button"
          class="ds-button"
          data-variant="secondary"
          data-size="sm"
          aria-label={message.undo.accessibleName}
          onClick={() => {
            const hadFocus = focused;
            message.undo?.run();
            if (hadFocus) returnFocus();
          }}
        >
          {message.undo.label}
        </button>
      )}
    </div>
  );
}
