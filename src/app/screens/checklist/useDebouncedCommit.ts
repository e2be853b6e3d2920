/** Typing is saved shortly after the person pauses, and at once when they leave the field or the app. */
import { useEffect, useRef } from 'preact/hooks';

/** How long typing may pause before the text is saved; short enough that a crash loses a word at most. */
export const TYPING_SAVE_DELAY_MS = 400;

const pending = new Set<() => void>();

/** Saves every field with unsaved typing now; the checklist screen calls it when the app is hidden or left. */
export function flushTyping(): void {
  for (const flush of [...pending]) flush();
}

/**
 * Returns `schedule(value)`, which commits the value after a pause, and `flush()`, which commits a waiting value now
 * (on blur). Unmounting also commits, so switching section never drops the last keystrokes.
 */
export function useDebouncedCommit<V>(commit: (value: V) => void): { schedule: (value: V) => void; flush: () => void } {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const waiting = useRef<{ value: V } | null>(null);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  const flush = useRef(() => {
    clearTimeout(timer.current);
    pending.delete(flush.current);
    const w = waiting.current;
    waiting.current = null;
    if (w) commitRef.current(w.value);
  });

  useEffect(() => () => flush.current(), []);

  return {
    schedule: (value: V) => {
      waiting.current = { value };
      pending.add(flush.current);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush.current, TYPING_SAVE_DELAY_MS);
    },
    flush: flush.current,
  };
}
