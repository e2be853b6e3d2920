/** The quiet "Lagret på enheten" line. It redraws on its own, so a save never redraws the whole checklist. */
import { useEffect, useState } from 'preact/hooks';
import { useText } from '../../i18n/language';
import { CHECKLIST_TEXT } from './text';

/** Counts writes in flight; the status line listens to it. */
export class SaveTracker {
  private pending = 0;
  private saved = false;
  private readonly listeners = new Set<() => void>();

  /** Marks a write as started; call the returned function with whether it reached the device. */
  begin(): (ok: boolean) => void {
    this.pending++;
    this.emit();
    let done = false;
    return (ok) => {
      if (done) return;
      done = true;
      this.pending--;
      if (ok) this.saved = true;
      this.emit();
    };
  }

  /** 'saving' while any write is in flight, 'saved' once one has landed, else 'idle'. */
  get state(): 'idle' | 'saving' | 'saved' {
    return this.pending > 0 ? 'saving' : this.saved ? 'saved' : 'idle';
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** A polite live region: screen readers hear "Lagret på enheten" without being interrupted. */
export function SaveStatus({ tracker }: { tracker: SaveTracker }) {
  const t = useText(CHECKLIST_TEXT);
  const [state, setState] = useState(tracker.state);
  useEffect(() => tracker.subscribe(() => setState(tracker.state)), [tracker]);
  return (
    <p class="cl-saved" role="status" data-state={state} data-testid="save-status">
      {state === 'saved' ? t('savedOnDevice') : state === 'saving' ? t('saving') : ''}
    </p>
  );
}
