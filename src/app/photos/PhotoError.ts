/** Why a photo could not be taken in: the reason decides the message the person sees. */

/** The reasons a photo fails: undecodable file, device storage full, or too large even after shrinking. */
export type PhotoFailure = 'decode' | 'storageFull' | 'tooLarge' | 'metadata';

/** A photo that could not be shrunk or stored; `reason` picks the message, `cause` keeps the original error. */
export class PhotoError extends Error {
  constructor(
    readonly reason: PhotoFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PhotoError';
  }
}

/**
 * True when an error (or one it wraps) means the device's storage quota is used up.
 * Dexie wraps the browser's DOMException, so the chain of `inner`/`cause` is searched too.
 */
export function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
