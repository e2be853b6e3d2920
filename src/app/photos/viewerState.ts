/**
 * Where the full-screen photo viewer stands: which photo of how many, how far it is zoomed and where the zoomed photo
 * is moved to. Pure functions, so keys, buttons, swipes and pinches all go through the same rules.
 */

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 5;
/** One press of + or − zooms by this factor. */
export const ZOOM_STEP = 1.5;
/** A swipe moves to the next photo when it travels this share of the stage's width (or SWIPE_MIN_PX, whichever is less). */
const SWIPE_SHARE = 0.2;
const SWIPE_MIN_PX = 60;

/**
 * `panX`/`panY` are how far the photo's centre is moved, as fractions of the stage's width and height; at zoom z the
 * photo may move at most (z − 1) / 2 either way, so it always covers the middle of the stage.
 */
export type ViewerState = { index: number; count: number; zoom: number; panX: number; panY: number };

/** What a key does in the viewer, or null for keys it leaves alone. */
export type ViewerAction = 'previous' | 'next' | 'first' | 'last' | 'zoomIn' | 'zoomOut' | 'zoomReset';

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const clampIndex = (index: number, count: number) => (count > 0 ? clamp(Math.round(index), 0, count - 1) : 0);

/** The viewer opened on photo `index` of `count`, not zoomed. */
export function openAt(index: number, count: number): ViewerState {
  return { index: clampIndex(index, count), count, zoom: 1, panX: 0, panY: 0 };
}

/** Moves to photo `index` (kept within the list), zoom reset. */
export function goTo(state: ViewerState, index: number): ViewerState {
  return openAt(index, state.count);
}

/** The list changed length (a marked-up copy added, a photo removed): the index stays on a photo that exists. */
export function withCount(state: ViewerState, count: number, index = state.index): ViewerState {
  const i = clampIndex(index, count);
  if (i !== state.index) return openAt(i, count);
  return count === state.count ? state : { ...state, count };
}

export const hasPrevious = (s: ViewerState) => s.index > 0;
export const hasNext = (s: ViewerState) => s.index < s.count - 1;

/** Zooms to `zoom` (kept within MIN_ZOOM–MAX_ZOOM); the photo's offset is kept within what the new zoom allows. */
export function zoomTo(state: ViewerState, zoom: number): ViewerState {
  const z = clamp(Number.isFinite(zoom) ? zoom : 1, MIN_ZOOM, MAX_ZOOM);
  return clampPan({ ...state, zoom: z });
}

/** Moves the zoomed photo by a fraction of the stage; at zoom 1 it does not move. */
export function panBy(state: ViewerState, dx: number, dy: number): ViewerState {
  return clampPan({ ...state, panX: state.panX + dx, panY: state.panY + dy });
}

function clampPan(state: ViewerState): ViewerState {
  const limit = (state.zoom - 1) / 2;
  return { ...state, panX: clamp(state.panX, -limit, limit) || 0, panY: clamp(state.panY, -limit, limit) || 0 };
}

/** The zoom of a pinch: the zoom it started at, scaled by how much the two fingers have spread. */
export function pinch(state: ViewerState, startZoom: number, startDistance: number, distance: number): ViewerState {
  if (!(startDistance > 0) || !(distance > 0)) return state;
  return zoomTo(state, startZoom * (distance / startDistance));
}

/**
 * A one-finger (or mouse) drag that ended `dx` pixels to the side on a stage `width` wide: at zoom 1 a long enough
 * swipe to the left shows the next photo and to the right the previous one; zoomed in, a drag moves the photo instead
 * (see panBy), so it never changes the photo.
 */
export function swipe(state: ViewerState, dx: number, width: number): ViewerState {
  if (state.zoom > 1) return state;
  const needed = Math.min(SWIPE_MIN_PX, Math.max(1, width) * SWIPE_SHARE);
  if (Math.abs(dx) < needed) return state;
  return dx < 0 ? (hasNext(state) ? goTo(state, state.index + 1) : state) : hasPrevious(state) ? goTo(state, state.index - 1) : state;
}

/** The action of a key (KeyboardEvent.key), or null. */
export function keyAction(key: string): ViewerAction | null {
  switch (key) {
    case 'ArrowLeft':
      return 'previous';
    case 'ArrowRight':
      return 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
      return 'zoomOut';
    case '0':
      return 'zoomReset';
    default:
      return null;
  }
}

/** The state after an action. */
export function apply(state: ViewerState, action: ViewerAction): ViewerState {
  switch (action) {
    case 'previous':
      return hasPrevious(state) ? goTo(state, state.index - 1) : state;
    case 'next':
      return hasNext(state) ? goTo(state, state.index + 1) : state;
    case 'first':
      return goTo(state, 0);
    case 'last':
      return goTo(state, state.count - 1);
    case 'zoomIn':
      return zoomTo(state, state.zoom * ZOOM_STEP);
    case 'zoomOut':
      return zoomTo(state, state.zoom / ZOOM_STEP);
    case 'zoomReset':
      return zoomTo(state, 1);
  }
}
