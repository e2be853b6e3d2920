/** A drawn signature: finger, pen or mouse on a canvas, handed to the form as PNG bytes after every stroke. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useText } from '../i18n/language';
import { SIGNATURE_TEXT } from './text';
import './signature.css';

type Props = {
  id: string;
  /** PNG bytes of the drawing after each finished stroke, or null once cleared. */
  onChange: (png: Uint8Array | null) => void;
  /** Id of an error message under the pad, for aria-describedby. */
  errorId?: string;
};

const INK = '#111111';

/**
 * The pad. Drawing a signature is path-dependent, so WCAG 2.1.1 allows it to need a pointer; the form always offers
 * "given on paper" as the alternative. Strokes are kept so the drawing survives a resize of the canvas.
 */
export function SignaturePad({ id, onChange, errorId }: Props) {
  const t = useText(SIGNATURE_TEXT);
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<[number, number][][]>([]);
  const drawing = useRef(false);
  const [hasInk, setHasInk] = useState(false);
  const [announce, setAnnounce] = useState('');

  const paint = () => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, c.width, c.height);
    const scale = c.width / Math.max(1, c.clientWidth);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const stroke of strokes.current) {
      ctx.beginPath();
      stroke.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      // A tap leaves a dot, not nothing.
      if (stroke.length === 1) ctx.lineTo(stroke[0]![0] + 0.1, stroke[0]![1]);
      ctx.stroke();
    }
  };

  // Backing store in device pixels so the line is sharp; redrawn from the strokes when the size changes.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const fit = () => {
      const ratio = window.devicePixelRatio || 1;
      c.width = Math.round(c.clientWidth * ratio);
      c.height = Math.round(c.clientHeight * ratio);
      paint();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(c);
    return () => observer.disconnect();
  }, []);

  const point = (e: PointerEvent): [number, number] => {
    const r = canvas.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };

  // Encoded at once, not with toBlob's callback: a tap on "lock" right after lifting the pen must find the signature.
  const emit = () => {
    const url = canvas.current?.toDataURL('image/png');
    if (!url) return;
    const bin = atob(url.slice(url.indexOf(',') + 1));
    const png = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) png[i] = bin.charCodeAt(i);
    onChange(png);
  };

  const down = (e: PointerEvent) => {
    e.preventDefault();
    canvas.current?.setPointerCapture(e.pointerId);
    drawing.current = true;
    strokes.current.push([point(e)]);
    paint();
  };
  const move = (e: PointerEvent) => {
    if (!drawing.current) return;
    strokes.current.at(-1)!.push(point(e));
    paint();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    if (!hasInk) {
      setHasInk(true);
      setAnnounce(t('signed'));
    }
    emit();
  };

  const clear = () => {
    strokes.current = [];
    paint();
    setHasInk(false);
    setAnnounce(t('cleared'));
    onChange(null);
  };

  return (
    <div class="sig">
      <p class="sig-help" id={`${id}-help`}>{t('padHelp')}</p>
      <canvas
        id={id}
        ref={canvas}
        class="sig-canvas"
        role="img"
        aria-label={`${t('padLabel')}: ${hasInk ? t('signed') : t('empty')}`}
        aria-describedby={[`${id}-help`, errorId].filter(Boolean).join(' ')}
        data-testid="signature-pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <div class="sig-actions">
        <button type="button" class="ds-button" data-variant="secondary" onClick={clear} disabled={!hasInk}>
          {t('clear')}
        </button>
        <p class="sig-status" role="status">{announce}</p>
      </div>
    </div>
  );
}
