/** Pointer capture for drawing and dragging. */

/** Keeps the pointer's moves coming to the element it went down on, also when it leaves it. */
export function capture(e: PointerEvent): void {
  try {
    (e.currentTarget as Element | null)?.setPointerCapture(e.pointerId);
  } catch {
    // A pointer the browser no longer knows (lifted already): nothing to keep.
  }
}
