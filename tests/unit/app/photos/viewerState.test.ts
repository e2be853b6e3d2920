// The full-screen viewer's navigation: photos in order, zoom within bounds, pan only when zoomed, swipes and keys.
import { describe, expect, it } from 'vitest';
import { apply, goTo, keyAction, MAX_ZOOM, openAt, panBy, pinch, swipe, withCount, zoomTo } from '../../../../src/app/photos/viewerState';

describe('moving between photos', () => {
  it('opens on the photo tapped, kept within the list', () => {
    expect(openAt(2, 5)).toEqual({ index: 2, count: 5, zoom: 1, panX: 0, panY: 0 });
    expect(openAt(9, 5).index).toBe(4);
    expect(openAt(-1, 5).index).toBe(0);
    expect(openAt(0, 0).index).toBe(0);
  });

  it('goes to the next and previous photo and stops at the ends, with the zoom reset', () => {
    let s = zoomTo(openAt(0, 3), 3);
    expect(apply(s, 'previous')).toBe(s);
    s = apply(s, 'next');
    expect(s).toMatchObject({ index: 1, zoom: 1 });
    s = apply(apply(s, 'next'), 'next');
    expect(s.index).toBe(2);
    expect(apply(s, 'first').index).toBe(0);
    expect(apply(openAt(0, 3), 'last').index).toBe(2);
    expect(goTo(s, 1).index).toBe(1);
  });

  it('follows the list when a copy is added or a photo removed', () => {
    const s = openAt(2, 3);
    expect(withCount(s, 4)).toEqual({ ...s, count: 4 });
    expect(withCount(s, 4, 3)).toMatchObject({ index: 3, count: 4 });
    expect(withCount(s, 2)).toMatchObject({ index: 1, count: 2 });
    expect(withCount(s, 3)).toBe(s);
  });

  it('moves on a long enough swipe at normal size, never when zoomed in', () => {
    const s = openAt(1, 3);
    expect(swipe(s, -100, 400).index).toBe(2);
    expect(swipe(s, 100, 400).index).toBe(0);
    // 20 % of a 200 px stage is 40 px; on wide stages 60 px is enough.
    expect(swipe(s, -39, 200)).toBe(s);
    expect(swipe(s, -41, 200).index).toBe(2);
    expect(swipe(s, -61, 1200).index).toBe(2);
    expect(swipe(zoomTo(s, 2), -300, 400)).toMatchObject({ index: 1, zoom: 2 });
    expect(swipe(openAt(2, 3), -300, 400).index).toBe(2);
  });
});

describe('zoom and pan', () => {
  it('zooms in steps within 1–5 times, and back', () => {
    let s = openAt(0, 1);
    expect(apply(s, 'zoomOut')).toEqual(s);
    s = apply(s, 'zoomIn');
    expect(s.zoom).toBe(1.5);
    for (let i = 0; i < 10; i++) s = apply(s, 'zoomIn');
    expect(s.zoom).toBe(MAX_ZOOM);
    expect(apply(s, 'zoomReset').zoom).toBe(1);
    expect(zoomTo(s, Number.NaN).zoom).toBe(1);
  });

  it('pinches from the zoom it started at by how far the fingers spread', () => {
    const s = openAt(0, 1);
    expect(pinch(s, 1, 100, 250).zoom).toBe(2.5);
    expect(pinch(s, 2, 100, 50).zoom).toBe(1);
    expect(pinch(s, 1, 100, 10_000).zoom).toBe(MAX_ZOOM);
    expect(pinch(s, 1, 0, 100)).toBe(s);
  });

  it('pans only as far as keeps the photo over the middle, and snaps back when zoomed out', () => {
    expect(panBy(openAt(0, 1), 0.3, 0.3)).toMatchObject({ panX: 0, panY: 0 });
    const z = zoomTo(openAt(0, 1), 3);
    expect(panBy(z, 0.5, -0.2)).toMatchObject({ panX: 0.5, panY: -0.2 });
    expect(panBy(z, 5, -5)).toMatchObject({ panX: 1, panY: -1 });
    expect(zoomTo(panBy(z, 1, 1), 2)).toMatchObject({ panX: 0.5, panY: 0.5 });
    expect(apply(panBy(z, 1, 1), 'zoomReset')).toMatchObject({ panX: 0, panY: 0 });
  });
});

describe('keys', () => {
  it('maps arrows, Home, End, + − and 0; leaves other keys alone', () => {
    expect(['ArrowLeft', 'ArrowRight', 'Home', 'End', '+', '=', '-', '0', 'a', 'Escape', 'Enter'].map(keyAction)).toEqual([
      'previous',
      'next',
      'first',
      'last',
      'zoomIn',
      'zoomIn',
      'zoomOut',
      'zoomReset',
      null,
      null,
      null,
    ]);
  });
});
