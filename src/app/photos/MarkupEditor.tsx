/**
 * Marks up a copy of one photo: arrows, circles and short texts in a few colours, with undo and redo, drawn with a
 * finger, a pen, the mouse or the keyboard (a marker moved with the arrow keys, Enter at start and end). The caption of
 * the copy says what is marked, for those who cannot see it; it is filled in from the marks until the person edits it.
 * Saving stores a new photo linked to the original; the original is not touched.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PhotoRef } from '../../core/sync/protocol';
import { useText } from '../i18n/language';
import {
  addShape,
  clampPoint,
  EMPTY_MARKUP,
  makeShape,
  MARKUP_COLOUR_NAMES,
  MARKUP_COLOURS,
  MARKUP_TOOLS,
  MAX_MARKUP_TEXT,
  MAX_SHAPES,
  redo,
  renderMarkup,
  summarise,
  undo,
  type MarkupColour,
  type MarkupState,
  type MarkupTool,
  type Point,
  type Shape,
} from './markup';
import { PhotoError } from './PhotoError';
import { photoBlob } from './photoUrl';
import { capture } from './pointerCapture';
import { saveMarkup } from './saveMarkup';
import { PHOTO_TEXT } from './text';

type Props = {
  photo: PhotoRef;
  /** What the photo is called in the list ("Bilde 1"). */
  name: string;
  onCancel: () => void;
  onSaved: (copy: PhotoRef) => void;
};

const TOOL_TEXT = { arrow: 'toolArrow', circle: 'toolCircle', text: 'toolText' } as const;
const COLOUR_TEXT = { red: 'colourRed', yellow: 'colourYellow', blue: 'colourBlue', white: 'colourWhite' } as const;
/** One arrow-key press moves the keyboard marker this share of the photo; with Shift five times as far. */
const KEY_STEP = 0.02;

export function MarkupEditor({ photo, name, onCancel, onSaved }: Props) {
  const t = useText(PHOTO_TEXT);
  const canvas = useRef<HTMLCanvasElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [source, setSource] = useState<{ blob: Blob; bitmap: ImageBitmap } | null | undefined>(undefined);
  const [markup, setMarkup] = useState<MarkupState>(EMPTY_MARKUP);
  const [tool, setTool] = useState<MarkupTool>('arrow');
  const [colour, setColour] = useState<MarkupColour>('red');
  const [text, setText] = useState('');
  const [caption, setCaption] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [view, setView] = useState({ width: 0, height: 0 });
  // A drag or keyboard shape under way: where it started and where it is now.
  const [draft, setDraft] = useState<{ from: Point; to: Point } | null>(null);
  const [cursor, setCursor] = useState<Point>({ x: 0.5, y: 0.5 });
  const [focused, setFocused] = useState(false);
  const dragging = useRef<number | null>(null);
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let alive = true;
    let made: ImageBitmap | null = null;
    void photoBlob(photo.sha256)
      .then(async (blob) => {
        if (!blob) return null;
        made = await createImageBitmap(blob);
        return { blob, bitmap: made };
      })
      .catch(() => null)
      .then((s) => alive && setSource(s));
    title.current?.focus();
    return () => {
      alive = false;
      made?.close();
    };
  }, [photo.sha256]);

  // The canvas fits the photo inside the space it has, sharp on high-density screens.
  useEffect(() => {
    const el = wrap.current;
    if (!el || !source) return;
    const fit = () => {
      const { width: w, height: h } = el.getBoundingClientRect();
      const scale = Math.min(w / source.bitmap.width, h / source.bitmap.height);
      setView({ width: Math.max(1, Math.floor(source.bitmap.width * scale)), height: Math.max(1, Math.floor(source.bitmap.height * scale)) });
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [source]);

  const size = source ? { width: source.bitmap.width, height: source.bitmap.height } : { width: 1, height: 1 };
  const preview = draft && tool !== 'text' ? makeShape(tool, colour, draft.from, draft.to, '', size) : null;

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !source || !view.width) return;
    const ratio = window.devicePixelRatio || 1;
    const px = { width: Math.round(view.width * ratio), height: Math.round(view.height * ratio) };
    if (c.width !== px.width) c.width = px.width;
    if (c.height !== px.height) c.height = px.height;
    ctx.drawImage(source.bitmap, 0, 0, px.width, px.height);
    renderMarkup(ctx, preview ? [...markup.shapes, preview] : markup.shapes, px);
    if (focused) drawMarker(ctx, draft?.from ?? null, cursor, px);
  });

  const shapeName = (s: Shape) => t(TOOL_TEXT[s.kind]);
  const add = (from: Point, to: Point) => {
    if (markup.shapes.length >= MAX_SHAPES) {
      setAnnounce(t('tooMany', { max: MAX_SHAPES }));
      return;
    }
    if (tool === 'text' && !text.trim()) {
      setProblem(t('writeTextFirst'));
      return;
    }
    const shape = makeShape(tool, colour, from, to, text, size);
    if (!shape) return;
    const next = addShape(markup, shape);
    setMarkup(next);
    setProblem(null);
    setAnnounce(t('shapeAdded', { shape: shapeName(shape), n: next.shapes.length }));
  };
  const takeBack = () => {
    if (!markup.shapes.length) return;
    const next = undo(markup);
    setMarkup(next);
    setAnnounce(t('shapeUndone', { n: next.shapes.length }));
  };
  const bringBack = () => {
    const last = markup.undone.at(-1);
    if (!last) return;
    const next = redo(markup);
    setMarkup(next);
    setAnnounce(t('shapeAdded', { shape: shapeName(last), n: next.shapes.length }));
  };

  const pointAt = (e: PointerEvent): Point => {
    const r = canvas.current!.getBoundingClientRect();
    return clampPoint({ x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height });
  };
  const onPointerDown = (e: PointerEvent) => {
    if (dragging.current !== null || !source) return;
    e.preventDefault();
    capture(e);
    dragging.current = e.pointerId;
    const p = pointAt(e);
    setDraft({ from: p, to: p });
  };
  const onPointerMove = (e: PointerEvent) => {
    if (dragging.current !== e.pointerId) return;
    const p = pointAt(e);
    setDraft((d) => (d ? { ...d, to: p } : d));
  };
  const onPointerUp = (e: PointerEvent) => {
    if (dragging.current !== e.pointerId) return;
    dragging.current = null;
    const from = draft?.from ?? pointAt(e);
    setDraft(null);
    if (e.type === 'pointercancel') return;
    add(from, pointAt(e));
  };

  const onCanvasKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const move: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const m = move[e.key];
    if (m) {
      e.preventDefault();
      e.stopPropagation();
      const next = clampPoint({ x: cursor.x + m[0], y: cursor.y + m[1] });
      setCursor(next);
      setDraft((d) => (d ? { ...d, to: next } : d));
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (tool === 'text') add(cursor, cursor);
      else if (!draft) {
        setDraft({ from: cursor, to: cursor });
        setAnnounce(t('startSet'));
      } else {
        setDraft(null);
        add(draft.from, cursor);
      }
      return;
    }
    if (e.key === 'Escape' && draft) {
      // Only the shape under way is dropped; a second Escape leaves the tool.
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, textarea')) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (e.shiftKey) bringBack();
      else takeBack();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      bringBack();
    }
  };

  const summary = summarise(markup.shapes);
  const parts = [
    summary.arrows ? t(summary.arrows === 1 ? 'summaryArrow' : 'summaryArrows', { n: summary.arrows }) : '',
    summary.circles ? t(summary.circles === 1 ? 'summaryCircle' : 'summaryCircles', { n: summary.circles }) : '',
    summary.texts.length ? t('summaryTexts', { texts: summary.texts.map((s) => `«${s}»`).join(', ') }) : '',
  ].filter(Boolean);
  const autoCaption = parts.length ? t('summaryOf', { what: `${parts.join(', ')} (${name})` }) : '';
  const shownCaption = caption ?? autoCaption;

  const save = async () => {
    if (busy) return;
    if (!markup.shapes.length) {
      setProblem(t('nothingDrawn'));
      return;
    }
    if (!source) return;
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await saveMarkup(photo, source.blob, markup.shapes, shownCaption));
    } catch (e) {
      setBusy(false);
      if (e instanceof PhotoError && e.reason === 'storageFull') setProblem(t('storageFull'));
      else if (e instanceof PhotoError && e.reason === 'tooLarge') setProblem(t('tooLarge', { name }));
      else {
        console.error('marked-up copy not saved', e);
        setProblem(t('notSaved', { name: t('markedCopyOf', { name }) }));
      }
    }
  };

  return (
    <div class="ph-markup" onKeyDown={onKeyDown} data-testid="markup-editor">
      <header class="ph-viewer-bar">
        <div>
          <h2 id="photo-viewer-title" class="ds-heading ph-viewer-title" data-size="2xs" tabIndex={-1} ref={title}>
            {t('markupTitle', { name })}
          </h2>
          <p class="ph-viewer-note">{t('markupKeep')}</p>
        </div>
      </header>
      <div class="ph-markup-tools">
        <fieldset class="ph-choices">
          <legend class="ds-sr-only">{t('tool')}</legend>
          {MARKUP_TOOLS.map((k) => (
            <label key={k} class="ph-choice">
              <input type="radio" name="markup-tool" value={k} checked={tool === k} onChange={() => setTool(k)} />
              <span>{t(TOOL_TEXT[k])}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="ph-choices">
          <legend class="ds-sr-only">{t('colour')}</legend>
          {MARKUP_COLOUR_NAMES.map((c) => (
            <label key={c} class="ph-choice">
              <input type="radio" name="markup-colour" value={c} checked={colour === c} onChange={() => setColour(c)} />
              <span class="ph-swatch" style={{ background: MARKUP_COLOURS[c] }} aria-hidden="true" />
              <span>{t(COLOUR_TEXT[c])}</span>
            </label>
          ))}
        </fieldset>
        {tool === 'text' && (
          <div class="ph-markup-text">
            <label class="ds-label" for="markup-text" data-weight="regular">{t('textOnPhoto', { max: MAX_MARKUP_TEXT })}</label>
            <input id="markup-text" class="ds-input" type="text" maxLength={MAX_MARKUP_TEXT} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </div>
        )}
        <div class="ph-viewer-buttons">
          <button type="button" class="ds-button" data-variant="secondary" onClick={takeBack} aria-disabled={!markup.shapes.length || undefined} data-testid="markup-undo">
            {t('undo')}
          </button>
          <button type="button" class="ds-button" data-variant="tertiary" onClick={bringBack} aria-disabled={!markup.undone.length || undefined}>
            {t('redo')}
          </button>
        </div>
      </div>
      <div class="ph-canvas-wrap" ref={wrap}>
        {source ? (
          <canvas
            ref={canvas}
            class="ph-canvas"
            style={{ width: `${view.width}px`, height: `${view.height}px` }}
            tabIndex={0}
            role="application"
            aria-label={`${t('canvasLabel')}: ${name}`}
            aria-describedby="markup-help"
            data-testid="markup-canvas"
            data-shapes={markup.shapes.length}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onKeyDown={onCanvasKey}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
          />
        ) : (
          <p class="ph-stage-note">{source === null ? t('fullMissing') : t('loading')}</p>
        )}
      </div>
      <p id="markup-help" class="ph-viewer-note">{t('canvasHelp')}</p>
      <footer class="ph-viewer-bar ph-markup-footer">
        <div class="ph-markup-caption">
          <label class="ds-label" for="markup-caption" data-weight="regular">{t('copyCaption')}</label>
          <input id="markup-caption" class="ds-input" type="text" maxLength={500} value={shownCaption} onInput={(e) => setCaption(e.currentTarget.value)} />
        </div>
        {problem && <p class="ds-validation-message" role="alert" data-testid="markup-problem">{problem}</p>}
        <div class="ph-viewer-buttons">
          <button type="button" class="ds-button" data-variant="primary" onClick={() => void save()} aria-disabled={busy || !source || undefined} data-testid="markup-save">
            {busy ? t('saving') : t('saveCopy')}
          </button>
          <button type="button" class="ds-button" data-variant="secondary" onClick={onCancel}>{t('cancel')}</button>
        </div>
      </footer>
      <p class="ds-sr-only" role="status" data-testid="markup-status">{announce}</p>
    </div>
  );
}

/** The keyboard marker: a cross where the next point goes, and a line from the start already set. */
function drawMarker(ctx: CanvasRenderingContext2D, from: Point | null, at: Point, size: { width: number; height: number }): void {
  const x = at.x * size.width;
  const y = at.y * size.height;
  const r = Math.max(10, Math.min(size.width, size.height) * 0.03);
  ctx.save();
  for (const [colour, width] of [['#000', 5], ['#fff', 2]] as const) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x - r, y);
    ctx.lineTo(x + r, y);
    ctx.moveTo(x, y - r);
    ctx.lineTo(x, y + r);
    if (from) {
      ctx.moveTo(from.x * size.width, from.y * size.height);
      ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  ctx.restore();
}
