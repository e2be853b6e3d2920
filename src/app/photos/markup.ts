/**
 * The mark-up of a photo as data: arrows, circles and short texts in a few colours, with undo and redo, and how they are
 * drawn on a 2D canvas. Points are fractions of the photo's width and height (0–1), so the same shapes draw alike on
 * the small screen canvas and on the full-size copy that is saved.
 */
import { fitWithin, type Size } from './fitWithin';
import { PHOTO_LONGEST_SIDE } from './shrinkPhoto';

/** The colours one can draw in: red and yellow stand out on walls and floors, blue on warm surfaces, white on dark. */
export const MARKUP_COLOURS = { red: '#e8202a', yellow: '#ffd500', blue: '#1f6fff', white: '#ffffff' } as const;
export type MarkupColour = keyof typeof MARKUP_COLOURS;
export const MARKUP_COLOUR_NAMES = Object.keys(MARKUP_COLOURS) as MarkupColour[];

/** What one can draw. */
export type MarkupTool = 'arrow' | 'circle' | 'text';
export const MARKUP_TOOLS: readonly MarkupTool[] = ['arrow', 'circle', 'text'];

/** Most characters of one text on a photo: a word or two ("Fukt", "Sprekk 20 cm"), not a description. */
export const MAX_MARKUP_TEXT = 40;
/** Most shapes on one copy; more would hide the photo. */
export const MAX_SHAPES = 50;
/** An arrow or circle shorter than this share of the photo's shorter side is a slip, not a shape. */
const MIN_EXTENT = 0.02;

/** A point as fractions of the photo's width (x) and height (y). */
export type Point = { x: number; y: number };

export type Shape =
  | { kind: 'arrow'; colour: MarkupColour; from: Point; to: Point }
  /** A circle around `centre` passing through `edge` (a circle in pixels, whatever the photo's shape). */
  | { kind: 'circle'; colour: MarkupColour; centre: Point; edge: Point }
  | { kind: 'text'; colour: MarkupColour; at: Point; text: string };

/** The shapes drawn so far and those taken back by undo (redo brings them back until something new is drawn). */
export type MarkupState = { readonly shapes: readonly Shape[]; readonly undone: readonly Shape[] };

export const EMPTY_MARKUP: MarkupState = { shapes: [], undone: [] };

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
/** A point kept on the photo. */
export const clampPoint = (p: Point): Point => ({ x: clamp01(p.x), y: clamp01(p.y) });

/** The distance between two points in pixels of a photo of `size`. */
function pixelDistance(a: Point, b: Point, size: Size): number {
  return Math.hypot((a.x - b.x) * size.width, (a.y - b.y) * size.height);
}

/**
 * The shape a drag (or two key presses) from `from` to `to` makes with the tool, or null when there is nothing to draw:
 * an arrow or circle too short to see, or a text that is empty. Text is trimmed and cut to MAX_MARKUP_TEXT.
 */
export function makeShape(tool: MarkupTool, colour: MarkupColour, from: Point, to: Point, text: string, size: Size): Shape | null {
  const a = clampPoint(from);
  const b = clampPoint(to);
  if (tool === 'text') {
    const t = text.trim().slice(0, MAX_MARKUP_TEXT);
    return t ? { kind: 'text', colour, at: b, text: t } : null;
  }
  if (pixelDistance(a, b, size) < MIN_EXTENT * Math.min(size.width, size.height)) return null;
  return tool === 'arrow' ? { kind: 'arrow', colour, from: a, to: b } : { kind: 'circle', colour, centre: a, edge: b };
}

/** Adds a shape; redo history is dropped. Past MAX_SHAPES the state is returned unchanged. */
export function addShape(state: MarkupState, shape: Shape): MarkupState {
  if (state.shapes.length >= MAX_SHAPES) return state;
  return { shapes: [...state.shapes, shape], undone: [] };
}

/** Takes back the last shape; nothing to undo leaves the state as it is. */
export function undo(state: MarkupState): MarkupState {
  const last = state.shapes.at(-1);
  if (!last) return state;
  return { shapes: state.shapes.slice(0, -1), undone: [...state.undone, last] };
}

/** Brings back the last shape undone. */
export function redo(state: MarkupState): MarkupState {
  const last = state.undone.at(-1);
  if (!last) return state;
  return { shapes: [...state.shapes, last], undone: state.undone.slice(0, -1) };
}

/** How many of each kind were drawn, and the texts: the words of the copy's default caption. */
export function summarise(shapes: readonly Shape[]): { arrows: number; circles: number; texts: string[] } {
  return {
    arrows: shapes.filter((s) => s.kind === 'arrow').length,
    circles: shapes.filter((s) => s.kind === 'circle').length,
    texts: shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : [])),
  };
}

/**
 * The pixel size of the marked-up copy: the photo's own size (already at most PHOTO_LONGEST_SIDE when taken here),
 * never larger than that limit, so the copy is as sharp as the original and no heavier than any other photo.
 */
export function markupSize(photo: Size): Size {
  return fitWithin(photo, PHOTO_LONGEST_SIDE);
}

/** Line width, arrow head and text size for a picture of `size`: in proportion, so a copy reads like the screen. */
export function strokeFor(size: Size): { line: number; head: number; font: number } {
  const short = Math.min(size.width, size.height);
  const line = Math.max(3, Math.round(short * 0.008));
  return { line, head: line * 5, font: Math.max(16, Math.round(short * 0.05)) };
}

/** The parts of a 2D canvas context the mark-up draws with (a canvas, an OffscreenCanvas, or a recorder in tests). */
export type MarkupContext = Pick<
  CanvasRenderingContext2D,
  'save' | 'restore' | 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'stroke' | 'fill' | 'closePath' | 'fillText' | 'strokeText'
> & {
  strokeStyle: unknown;
  fillStyle: unknown;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  font: string;
  textBaseline: CanvasTextBaseline;
  textAlign: CanvasTextAlign;
};

/** A dark outline under light colours, a light one under dark: each shape stays visible on any photo. */
const outlineOf = (colour: MarkupColour) => (colour === 'blue' ? 'rgba(255,255,255,0.85)' : 'rgba(0,0,0,0.7)');

/** Draws the shapes on a context whose drawing area is `size` pixels (the photo already drawn under them). */
export function renderMarkup(ctx: MarkupContext, shapes: readonly Shape[], size: Size): void {
  const { line, head, font } = strokeFor(size);
  const px = (p: Point) => ({ x: p.x * size.width, y: p.y * size.height });
  for (const shape of shapes) {
    ctx.save();
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    // Each shape twice: a wider outline first, then the colour.
    for (const pass of ['outline', 'colour'] as const) {
      const colour = pass === 'outline' ? outlineOf(shape.colour) : MARKUP_COLOURS[shape.colour];
      const width = pass === 'outline' ? line * 2 : line;
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = width;
      if (shape.kind === 'arrow') {
        const a = px(shape.from);
        const b = px(shape.to);
        const angle = Math.atan2(b.y - a.y, b.x - a.x);
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
        ctx.stroke();
        // The head: a filled triangle at the end the arrow points to.
        ctx.beginPath();
        ctx.moveTo(b.x, b.y);
        ctx.lineTo(b.x - head * Math.cos(angle - Math.PI / 7), b.y - head * Math.sin(angle - Math.PI / 7));
        ctx.lineTo(b.x - head * Math.cos(angle + Math.PI / 7), b.y - head * Math.sin(angle + Math.PI / 7));
        ctx.closePath();
        ctx.fill();
        ctx.stroke();
      } else if (shape.kind === 'circle') {
        const c = px(shape.centre);
        ctx.beginPath();
        ctx.arc(c.x, c.y, pixelDistance(shape.centre, shape.edge, size), 0, Math.PI * 2);
        ctx.stroke();
      } else {
        const at = px(shape.at);
        ctx.font = `bold ${font}px system-ui, sans-serif`;
        ctx.textBaseline = 'middle';
        ctx.textAlign = 'center';
        if (pass === 'outline') {
          ctx.lineWidth = Math.max(3, Math.round(font / 5));
          ctx.strokeText(shape.text, at.x, at.y);
        } else {
          ctx.fillText(shape.text, at.x, at.y);
        }
      }
    }
    ctx.restore();
  }
}
