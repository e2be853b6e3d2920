/** A hand-made SVG stacked bar chart with its numbers as a table beside it: the table is the text alternative. */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import './charts.css';

/** One colour of a stacked bar (e.g. one verdict class). */
export type BarSeries = { key: string; label: string; color: string };
/** One bar: its label and a value per series, in series order. */
export type BarGroup = { label: string; values: number[] };

/** Props of the chart: a title, a one-sentence summary for screen readers, and the data. */
export type BarChartProps = {
  id: string;
  title: string;
  /** One sentence a screen reader reads for the picture; the table below carries every number. */
  summary: string;
  series: BarSeries[];
  groups: BarGroup[];
  /** Header of the first table column (what a group is: area, bedrooms, quarter). */
  groupHeader: string;
  totalLabel: string;
  /** Summary line of the collapsible table ("Vis tallene"); the table is always open when omitted (print). */
  tableToggle?: string;
  /** Formats a number for the current language. */
  format?: (n: number) => string;
};

// The drawing's units are CSS pixels: the viewBox follows the width the chart gets, so a label drawn at FONT_PX
// reads at FONT_PX on a 360 px phone as on a desktop (a fixed viewBox scaled labels down to about 9 px there).
const ROW = 28;
const GAP = 8;
const FONT_PX = 14;
const FONT = `${FONT_PX}px system-ui, sans-serif`;
/** Width before the first measurement, and where nothing can be measured. */
const DEFAULT_W = 410;
/** Labels take at most this share of the width; a longer one is cut with "…" (the table has it whole). */
const LABEL_SHARE = 0.42;
const MIN_BAR_W = 60;

let canvas: CanvasRenderingContext2D | null | undefined;

/** The drawn width of a text in the chart's font; a rough estimate where there is no canvas. */
function textWidth(text: string): number {
  if (canvas === undefined) canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * FONT_PX * 0.6;
  canvas.font = FONT;
  return canvas.measureText(text).width;
}

/** The text cut with "…" to fit the width. */
function fit(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let n = text.length;
  while (n > 1 && textWidth(`${text.slice(0, n)}…`) > width) n--;
  return `${text.slice(0, n)}…`;
}

/** The rendered width of the element, kept up to date as the layout changes (rotation, a resized window). */
function useWidth(ref: { current: Element | null }): number {
  const [width, setWidth] = useState(DEFAULT_W);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const set = (w: number) => {
      if (w > 0) setWidth(Math.round(w));
    };
    set(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => set(entries[0]?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

// The table folds away on screen to keep the charts side by side; on paper (no toggle) it is always there.
function Collapsible({ toggle, label, children }: { toggle: string | undefined; label: string; children: ComponentChildren }) {
  // Focusable, so a keyboard can scroll a table wider than a phone.
  if (!toggle)
    return (
      <div class="bar-chart-table" tabIndex={0} role="region" aria-label={label}>
        {children}
      </div>
    );
  return (
    <details class="bar-chart-table">
      <summary>{toggle}</summary>
      {children}
    </details>
  );
}

/** Horizontal stacked bars, a legend, and the same numbers as a table, so nobody needs the picture. */
export function BarChart(p: BarChartProps) {
  const fmt = p.format ?? ((n: number) => String(n));
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(svg);
  const totals = p.groups.map((g) => g.values.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const height = p.groups.length * (ROW + GAP) + GAP;
  const labelRoom = width * LABEL_SHARE;
  const labelW = Math.min(labelRoom, Math.max(0, ...p.groups.map((g) => textWidth(g.label)))) + 8;
  const totalW = Math.max(0, ...totals.map((n) => textWidth(fmt(n)))) + 10;
  const barW = Math.max(MIN_BAR_W, width - labelW - totalW);
  const titleId = `${p.id}-title`;
  const descId = `${p.id}-desc`;
  return (
    <figure class="bar-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} class="ds-heading" data-size="xs">
        {p.title}
      </figcaption>
      <ul class="bar-chart-legend" aria-hidden="true">
        {p.series.map((s) => (
          <li key={s.key}>
            <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
              <rect width="14" height="14" fill={s.color} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        ref={svg}
        class="bar-chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
      >
        <desc id={descId}>{p.summary}</desc>
        {p.groups.map((g, i) => {
          const y = GAP + i * (ROW + GAP);
          let x = labelW;
          return (
            <g key={g.label}>
              <text x={labelW - 8} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle" class="bar-chart-label">
                {fit(g.label, labelRoom)}
              </text>
              {g.values.map((v, j) => {
                const w = (v / max) * barW;
                const rect = v > 0 && (
                  <rect key={p.series[j]!.key} x={x} y={y} width={w} height={ROW} fill={p.series[j]!.color} class="bar-chart-segment">
                    <title>{`${g.label} – ${p.series[j]!.label}: ${fmt(v)}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + ROW / 2} dominant-baseline="middle" class="bar-chart-total">
                {fmt(totals[i]!)}
              </text>
            </g>
          );
        })}
      </svg>
      <Collapsible toggle={p.tableToggle} label={p.title}>
        <table class="ds-table" data-size="sm">
          <caption class="visually-hidden">{p.title}</caption>
          <thead>
            <tr>
              <th scope="col">{p.groupHeader}</th>
              {p.series.map((s) => (
                <th scope="col" key={s.key} class="num">
                  {s.label}
                </th>
              ))}
              <th scope="col" class="num">
                {p.totalLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.groups.map((g, i) => (
              <tr key={g.label}>
                <th scope="row">{g.label}</th>
                {g.values.map((v, j) => (
                  <td key={p.series[j]!.key} class="num">
                    {fmt(v)}
                  </td>
                ))}
                <td class="num">{fmt(totals[i]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Collapsible>
    </figure>
  );
}
