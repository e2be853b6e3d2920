/**
 * A photo full screen: swipe, arrow keys or buttons move between the list's photos; pinch, double-tap, the mouse wheel,
 * + and − zoom; a zoomed photo is dragged to look around. A modal dialog: Escape closes it and the list puts focus back
 * on the thumbnail of the photo last shown. "Mark up a copy" opens the mark-up tool on the photo shown.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PhotoRef } from '../../core/sync/protocol';
import { useText } from '../i18n/language';
import { MarkupEditor } from './MarkupEditor';
import { photoUrl } from './photoUrl';
import { capture } from './pointerCapture';
import { PHOTO_TEXT } from './text';
import { apply, hasNext, hasPrevious, keyAction, openAt, panBy, pinch, swipe, withCount, zoomTo, type ViewerState } from './viewerState';

type Props = {
  photos: PhotoRef[];
  /** The photo to open on. */
  start: number;
  /** What each photo is called ("Bilde 2", its caption, "Markert kopi av Bilde 1"). */
  names: string[];
  /** True when the list may take a marked-up copy (not read-only). */
  canMarkUp: boolean;
  /** The most photos the list holds: at that number no copy can be added. */
  max: number;
  /** Stores the copy in the list (after its original) and returns its place there. */
  onMarkedUp: (copy: PhotoRef, originalIndex: number) => number;
  /** Closed on photo `index`. */
  onClose: (index: number) => void;
};

const DOUBLE_TAP_MS = 300;
const DOUBLE_TAP_ZOOM = 2.5;

export function PhotoViewer({ photos, start, names, canMarkUp, max, onMarkedUp, onClose }: Props) {
  const t = useText(PHOTO_TEXT);
  const dialog = useRef<HTMLDialogElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const markButton = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<ViewerState>(() => openAt(start, photos.length));
  const [marking, setMarking] = useState(false);
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  const [announce, setAnnounce] = useState('');
  // The state as of the last render, for the pointer handlers between renders.
  const live = useRef(state);
  live.current = state;

  const count = photos.length;
  useEffect(() => setState((s) => withCount(s, count)), [count]);

  const photo = photos[state.index];
  const name = names[state.index] ?? '';
  useEffect(() => {
    if (!photo) return;
    let alive = true;
    let made: string | null = null;
    setUrl(undefined);
    void photoUrl(photo.sha256).then((u) => {
      made = u;
      if (alive) setUrl(u);
      else if (u) URL.revokeObjectURL(u);
    });
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photo?.sha256]);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  // Back from the mark-up tool, focus returns to the button that opened it.
  const wasMarking = useRef(false);
  useEffect(() => {
    if (wasMarking.current && !marking) markButton.current?.focus();
    wasMarking.current = marking;
  }, [marking]);

  const close = () => {
    dialog.current?.close();
    onClose(live.current.index);
  };

  const act = (next: ViewerState) => {
    if (next.index !== live.current.index) setAnnounce(t('viewerTitle', { name: names[next.index] ?? '', n: next.index + 1, count: next.count }));
    else if (next.zoom !== live.current.zoom) setAnnounce(t('zoomLevel', { zoom: formatZoom(next.zoom) }));
    setState(next);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (marking || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    const action = keyAction(e.key);
    if (!action) return;
    e.preventDefault();
    act(apply(live.current, action));
  };

  // Pointers on the stage: one moves (swipe, or pan when zoomed), two pinch.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ startX: number; lastX: number; lastY: number; pinchZoom?: number; pinchDistance?: number; moved: boolean }>({
    startX: 0,
    lastX: 0,
    lastY: 0,
    moved: false,
  });
  const lastTap = useRef(0);
  const spread = () => {
    const [a, b] = [...pointers.current.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  const onPointerDown = (e: PointerEvent) => {
    capture(e);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const g = gesture.current;
    if (pointers.current.size === 1) Object.assign(g, { startX: e.clientX, lastX: e.clientX, lastY: e.clientY, moved: false, pinchZoom: undefined });
    if (pointers.current.size === 2) Object.assign(g, { pinchZoom: live.current.zoom, pinchDistance: spread(), moved: true });
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const g = gesture.current;
    const box = stage.current?.getBoundingClientRect();
    if (pointers.current.size >= 2 && g.pinchZoom !== undefined) {
      setState((s) => pinch(s, g.pinchZoom!, g.pinchDistance ?? 0, spread()));
      return;
    }
    if (Math.abs(e.clientX - g.startX) > 8) g.moved = true;
    if (live.current.zoom > 1 && box) {
      const dx = (e.clientX - g.lastX) / box.width;
      const dy = (e.clientY - g.lastY) / box.height;
      setState((s) => panBy(s, dx, dy));
    }
    g.lastX = e.clientX;
    g.lastY = e.clientY;
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!pointers.current.delete(e.pointerId)) return;
    const g = gesture.current;
    if (pointers.current.size > 0) return;
    if (g.pinchZoom !== undefined) {
      g.pinchZoom = undefined;
      setAnnounce(t('zoomLevel', { zoom: formatZoom(live.current.zoom) }));
      return;
    }
    const width = stage.current?.getBoundingClientRect().width ?? 0;
    if (g.moved) {
      act(swipe(live.current, e.clientX - g.startX, width));
      return;
    }
    // A tap: two in quick succession zoom in, or back out.
    const now = e.timeStamp;
    if (now - lastTap.current < DOUBLE_TAP_MS) {
      lastTap.current = 0;
      act(zoomTo(live.current, live.current.zoom > 1 ? 1 : DOUBLE_TAP_ZOOM));
    } else {
      lastTap.current = now;
    }
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    act(zoomTo(live.current, live.current.zoom * Math.exp(-e.deltaY / 300)));
  };

  const room = photos.length < max;
  const titleId = 'photo-viewer-title';
  return (
    <dialog
      ref={dialog}
      class="ph-viewer"
      data-color-scheme="dark"
      aria-labelledby={titleId}
      data-testid="photo-viewer"
      onCancel={(e) => {
        // Escape: out of the mark-up tool first (it asks nothing; its drawing is only on screen), then out of the viewer.
        e.preventDefault();
        if (marking) setMarking(false);
        else close();
      }}
      onKeyDown={onKeyDown}
    >
      {marking && photo ? (
        <MarkupEditor
          photo={photo}
          name={name}
          onCancel={() => setMarking(false)}
          onSaved={(copy) => {
            const at = onMarkedUp(copy, live.current.index);
            setMarking(false);
            setState(openAt(at, photos.length + 1));
            setAnnounce(t('copySaved'));
          }}
        />
      ) : (
        <>
          <header class="ph-viewer-bar">
            <h2 id={titleId} class="ds-heading ph-viewer-title" data-size="2xs">
              {t('viewerTitle', { name, n: state.index + 1, count })}
            </h2>
            <button type="button" class="ds-button" data-variant="secondary" onClick={close} data-testid="viewer-close">
              {t('close')}
            </button>
          </header>
          <p id="photo-viewer-help" class="ds-sr-only">{t('viewerHelp')}</p>
          <div
            ref={stage}
            class="ph-stage"
            data-zoom={state.zoom.toFixed(2)}
            data-testid="viewer-stage"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onWheel={onWheel}
          >
            {url ? (
              <img
                class="ph-full"
                src={url}
                alt={photo?.caption || name}
                data-sha256={photo?.sha256}
                draggable={false}
                style={{ transform: `translate(${state.panX * 100}%, ${state.panY * 100}%) scale(${state.zoom})` }}
              />
            ) : (
              <p class="ph-stage-note">{url === null ? t('fullMissing') : t('loading')}</p>
            )}
          </div>
          <footer class="ph-viewer-bar ph-viewer-tools">
            {photo?.caption && <p class="ph-viewer-caption" data-testid="viewer-caption">{photo.caption}</p>}
            <div class="ph-viewer-buttons">
              <button type="button" class="ds-button" data-variant="secondary" onClick={() => act(apply(state, 'previous'))} disabled={!hasPrevious(state)} aria-describedby="photo-viewer-help">
                {t('previous')}
              </button>
              <button type="button" class="ds-button" data-variant="secondary" onClick={() => act(apply(state, 'next'))} disabled={!hasNext(state)} aria-describedby="photo-viewer-help">
                {t('next')}
              </button>
              <button type="button" class="ds-button" data-variant="tertiary" onClick={() => act(apply(state, 'zoomOut'))} disabled={state.zoom <= 1} aria-label={t('zoomOut')}>
                −
              </button>
              <button type="button" class="ds-button" data-variant="tertiary" onClick={() => act(apply(state, 'zoomIn'))} aria-label={t('zoomIn')}>
                +
              </button>
              {canMarkUp && (
                <button
                  type="button"
                  class="ds-button"
                  data-variant="primary"
                  ref={markButton}
                  onClick={() => room && url && setMarking(true)}
                  aria-disabled={!room || !url || undefined}
                  aria-describedby={room ? undefined : 'photo-viewer-full'}
                  data-testid="viewer-markup"
                >
                  {t('markUp')}
                </button>
              )}
            </div>
            {canMarkUp && !room && <p id="photo-viewer-full" class="ph-viewer-note">{t('markUpFull', { max })}</p>}
          </footer>
        </>
      )}
      <p class="ds-sr-only" role="status">{announce}</p>
    </dialog>
  );
}

/** "2,5" for 2.5 times, as a Norwegian reads it; whole numbers without a decimal. */
function formatZoom(zoom: number): string {
  return (Math.round(zoom * 10) / 10).toLocaleString('nb-NO');
}
