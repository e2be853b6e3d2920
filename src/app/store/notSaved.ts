/** A local write that failed even after reopening the database: the person must be told it was not saved. */
import type { LocalText } from '../../core/text';

/** Thrown by the store when a change could not be written on this device. */
export class NotSavedError extends Error {
  /** The message to show, in both languages. */
  readonly text: LocalText = {
    nb: 'Endringen ble ikke lagret på enheten. Prøv igjen; last inn siden på nytt hvis det gjentar seg.',
    en: 'The change was not saved on this device. Try again; reload the page if it happens again.',
  };

  constructor(cause: unknown) {
    super('Not saved on this device', { cause });
    this.name = 'NotSavedError';
  }
}

const listeners = new Set<(err: NotSavedError) => void>();

/** Subscribes to failed local writes (the sync status shows them); returns the unsubscribe function. */
export function onNotSaved(fn: (err: NotSavedError) => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

/** Tells every listener that a write failed. */
export function reportNotSaved(err: NotSavedError): void {
  for (const l of listeners) l(err);
}
