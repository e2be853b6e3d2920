/** Retry delays for sync: exponential backoff with full jitter, so many devices coming online do not retry in step. */

/** First retry ceiling: 1 s. */
export const BACKOFF_MIN_MS = 1000;
/** Longest wait between tries: 5 min. */
export const BACKOFF_MAX_MS = 5 * 60 * 1000;

/** The wait before try `failures + 1`: uniform in [0, min(max, min·2^(failures−1))]. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(failures - 1, 30));
  return Math.floor(random() * ceiling);
}
