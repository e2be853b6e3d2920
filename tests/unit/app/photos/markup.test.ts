// The mark-up model: shapes from drags, undo and redo, the copy's size and how shapes are drawn on a canvas.
import { describe, expect, it } from 'vitest';
import {
  addShape,
  EMPTY_MARKUP,
  makeShape,
  MARKUP_COLOURS,
  markupSize,
  MAX_MARKUP_TEXT,
  MAX_SHAPES,
  redo,
  renderMarkup,
  strokeFor,
  summarise,
  undo,
  type MarkupContext,
  type Shape,
} from '../../../../src/app/photos/markup';
import { photoNames } from '../../../../src/app/photos/photoNames';

const SIZE = { width: 2000, height: 1500 };
const arrow = makeShape('arrow', 'red', { x: 0.1, y: 0.1 }, { x: 0.5, y: 0.5 }, '', SIZE)!;
const circle = makeShape('circle', 'yellow', { x: 0.5, y: 0.5 }, { x: 0.6, y: 0.5 }, '', SIZE)!;
const text = makeShape('text', 'white', { x: 0, y: 0 }, { x: 0.3, y: 0.8 }, '  Fukt  ', SIZE)!;

describe('shapes from a drag', () => {
  it('makes an arrow from start to end, a circle around the start and a text where the drag ends', () => {
    expect(arrow).toEqual({ kind: 'arrow', colour: 'red', from: { x: 0.1, y: 0.1 }, to: { x: 0.5, y: 0.5 } });
    expect(circle).toEqual({ kind: 'circle', colour: 'yellow', centre: { x: 0.5, y: 0.5 }, edge: { x: 0.6, y: 0.5 } });
    expect(text).toEqual({ kind: 'text', colour: 'white', at: { x: 0.3, y: 0.8 }, text: 'Fukt' });
  });

  it('keeps points on the photo and cuts long texts', () => {
    const s = makeShape('arrow', 'blue', { x: -1, y: 0.5 }, { x: 3, y: Number.NaN }, '', SIZE);
    expect(s).toEqual({ kind: 'arrow', colour: 'blue', from: { x: 0, y: 0.5 }, to: { x: 1, y: 0 } });
    const long = makeShape('text', 'red', { x: 0, y: 0 }, { x: 0.5, y: 0.5 }, 'x'.repeat(100), SIZE) as Extract<Shape, { kind: 'text' }>;
    expect(long.text).toHaveLength(MAX_MARKUP_TEXT);
  });

  it('draws nothing for a tap with the arrow or circle, or an empty text', () => {
    // 2 % of the shorter side (1500 px) is 30 px: 29 px is a slip, 31 px an arrow.
    expect(makeShape('arrow', 'red', { x: 0.5, y: 0.5 }, { x: 0.5 + 29 / 2000, y: 0.5 }, '', SIZE)).toBeNull();
    expect(makeShape('arrow', 'red', { x: 0.5, y: 0.5 }, { x: 0.5 + 31 / 2000, y: 0.5 }, '', SIZE)).not.toBeNull();
    expect(makeShape('circle', 'red', { x: 0.5, y: 0.5 }, { x: 0.5, y: 0.5 }, '', SIZE)).toBeNull();
    expect(makeShape('text', 'red', { x: 0.5, y: 0.5 }, { x: 0.5, y: 0.5 }, '   ', SIZE)).toBeNull();
  });
});

describe('undo and redo', () => {
  it('takes back the last shape and brings it back, and drawing anew forgets what was undone', () => {
    let s = addShape(addShape(addShape(EMPTY_MARKUP, arrow), circle), text);
    expect(s.shapes).toEqual([arrow, circle, text]);
    s = undo(s);
    expect(s.shapes).toEqual([arrow, circle]);
    expect(s.undone).toEqual([text]);
    s = undo(s);
    expect(s.shapes).toEqual([arrow]);
    s = redo(s);
    expect(s.shapes).toEqual([arrow, circle]);
    expect(s.undone).toEqual([text]);
    s = addShape(s, text);
    expect(s.undone).toEqual([]);
    expect(redo(s)).toBe(s);
  });

  it('does nothing when there is nothing to undo, and stops at the most shapes one photo takes', () => {
    expect(undo(EMPTY_MARKUP)).toBe(EMPTY_MARKUP);
    expect(redo(EMPTY_MARKUP)).toBe(EMPTY_MARKUP);
    let s = EMPTY_MARKUP;
    for (let i = 0; i < MAX_SHAPES + 5; i++) s = addShape(s, arrow);
    expect(s.shapes).toHaveLength(MAX_SHAPES);
  });

  it('sums up the marks for the caption of the copy', () => {
    expect(summarise([arrow, circle, arrow, text])).toEqual({ arrows: 2, circles: 1, texts: ['Fukt'] });
  });
});

describe('the marked-up copy', () => {
  it('has the size of its original, never above 2000 px', () => {
    expect(markupSize({ width: 1333, height: 2000 })).toEqual({ width: 1333, height: 2000 });
    expect(markupSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
    expect(markupSize({ width: 4000, height: 3000 })).toEqual({ width: 2000, height: 1500 });
  });

  it('draws lines and text in proportion to the picture, so screen and copy look alike', () => {
    expect(strokeFor({ width: 2000, height: 1500 })).toEqual({ line: 12, head: 60, font: 75 });
    expect(strokeFor({ width: 400, height: 300 })).toEqual({ line: 3, head: 15, font: 16 });
  });
});

/** A 2D context that writes down what is drawn. */
function recorder(): { ctx: MarkupContext; calls: string[] } {
  const calls: string[] = [];
  const state = { strokeStyle: '', fillStyle: '', lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', font: '', textBaseline: 'alphabetic', textAlign: 'start' };
  const fn =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push(`${name}(${args.map((a) => (typeof a === 'number' ? Math.round(a) : String(a))).join(',')})${name === 'stroke' || name === 'fill' || name.endsWith('Text') ? ` ${name === 'fill' || name === 'fillText' ? state.fillStyle : state.strokeStyle} w${state.lineWidth}` : ''}`);
  const ctx = Object.assign(state, {
    save: fn('save'),
    restore: fn('restore'),
    beginPath: fn('beginPath'),
    moveTo: fn('moveTo'),
    lineTo: fn('lineTo'),
    arc: fn('arc'),
    stroke: fn('stroke'),
    fill: fn('fill'),
    closePath: fn('closePath'),
    fillText: fn('fillText'),
    strokeText: fn('strokeText'),
  }) as unknown as MarkupContext;
  return { ctx, calls };
}

describe('drawing on a canvas', () => {
  it('draws an arrow as a line with a filled head at its end, outlined, in pixels of the picture', () => {
    const { ctx, calls } = recorder();
    renderMarkup(ctx, [arrow], SIZE);
    expect(calls).toContain('moveTo(200,150)');
    expect(calls).toContain('lineTo(1000,750)');
    expect(calls).toContain(`stroke() ${MARKUP_COLOURS.red} w12`);
    expect(calls).toContain(`fill() ${MARKUP_COLOURS.red} w12`);
    // The outline goes first, twice as wide.
    expect(calls.indexOf('stroke() rgba(0,0,0,0.7) w24')).toBeLessThan(calls.indexOf(`stroke() ${MARKUP_COLOURS.red} w12`));
    expect(calls.at(-1)).toBe('restore()');
  });

  it('draws a circle through its edge point and a text centred where it was placed', () => {
    const { ctx, calls } = recorder();
    renderMarkup(ctx, [circle, text], SIZE);
    // 0.1 of 2000 px wide: radius 200 px.
    expect(calls).toContain('arc(1000,750,200,0,6)');
    expect(calls).toContain(`fillText(Fukt,600,1200) ${MARKUP_COLOURS.white} w12`);
    expect(calls.some((c) => c.startsWith('strokeText(Fukt,600,1200)'))).toBe(true);
    expect(ctx.font).toBe('bold 75px system-ui, sans-serif');
  });

  it('draws nothing when there are no shapes', () => {
    const { ctx, calls } = recorder();
    renderMarkup(ctx, [], SIZE);
    expect(calls).toEqual([]);
  });
});

describe('photo names', () => {
  it('calls a marked-up copy after its original, wherever it is in the list', () => {
    const ref = (c: string, markupOf?: string) => ({ sha256: c.repeat(64), mime: 'image/jpeg' as const, takenAt: '2026-12-05T10:00:00Z', ...(markupOf ? { markupOf } : {}) });
    const photos = [ref('a'), ref('b'), ref('c', 'b'.repeat(64)), ref('d', 'f'.repeat(64))];
    expect(photoNames(photos, (n) => `Bilde ${n}`, (name) => `Markert kopi av ${name}`)).toEqual([
      'Bilde 1',
      'Bilde 2',
      'Markert kopi av Bilde 2',
      // The original is not in this list: the copy is named by its own place.
      'Bilde 4',
    ]);
  });
});
