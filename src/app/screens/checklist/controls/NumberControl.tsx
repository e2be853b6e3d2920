/** A number with its unit: accepts "2,4" and "2.4", says at once when the text is not a number or out of range. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LocalText } from '../../../../core/text';
import { useLanguage, useLocal } from '../../../i18n/language';
import { formatNumber } from '../../../../core/format/formatNumber';
import { editableNumber, numberProblem, parseNumber, type NumberLimits, type NumberProblem } from '../../../components/parseNumber';
import { useDebouncedCommit } from '../useDebouncedCommit';
import type { ControlProps } from './ControlProps';

/** Why the typed text was not saved (or was saved but is out of range); null when it is fine. */
export type { NumberProblem };

/**
 * A text input in decimal mode (a `type=number` field would throw away "2,4" on some keyboards).
 * Unreadable or out-of-range text stays in the field with a message and is saved as typed text only (`onTyped`):
 * never as the answer's value, so no rule counts it and no value is synced; it is still there after a reload.
 */
export function NumberControl(
  props: ControlProps<number> &
    NumberLimits & {
      unit: LocalText;
      inputMode: 'numeric' | 'decimal';
      onProblem: (p: NumberProblem) => void;
      /** Text kept from an earlier try that was not an acceptable number. */
      typed?: string | undefined;
      onTyped: (text: string) => void;
    },
) {
  const lang = useLanguage();
  const local = useLocal();
  const { inputId, value, typed, onChange, onTyped, describedBy, invalid, required, unit, inputMode, onProblem, min, max, integer } = props;
  const [text, setText] = useState(typed ?? (value === undefined ? '' : editableNumber(value, lang)));
  const commit = (v: number | string | undefined) => (typeof v === 'string' ? onTyped(v) : onChange(v));
  const { schedule, flush } = useDebouncedCommit(commit);

  // Text kept from before a reload says at once what is wrong with it.
  useEffect(() => {
    if (typed !== undefined) onProblem(problemOf(typed));
    // Only on first draw: later problems are reported as the person types.
  }, []);

  function problemOf(raw: string): NumberProblem {
    return numberProblem(raw, { min, max, integer }, lang, (n) => formatNumber(n, lang));
  }

  // A value changed elsewhere (copied from last time, a sync) replaces the text unless it means the same number.
  const textRef = useRef(text);
  textRef.current = text;
  useEffect(() => {
    const parsed = parseNumber(textRef.current, { min, max, integer }, lang);
    const same = parsed.kind === 'number' ? parsed.value === value || !parsed.inRange : parsed.kind === 'empty' && value === undefined;
    if (!same && parsed.kind !== 'invalid') setText(value === undefined ? '' : editableNumber(value, lang));
  }, [value, min, max, integer, lang]);

  const onInput = (raw: string) => {
    setText(raw);
    const parsed = parseNumber(raw, { min, max, integer }, lang);
    const problem = problemOf(raw);
    onProblem(problem);
    // Anything that is not an acceptable number is kept as typed text, and the value it replaces is taken away.
    if (problem) schedule(raw.trim().slice(0, 100));
    else schedule(parsed.kind === 'number' ? parsed.value : undefined);
  };

  return (
    <div class="ds-field-affixes cl-number">
      <input
        class="ds-input"
        type="text"
        id={inputId}
        inputMode={inputMode}
        autoComplete="off"
        value={text}
        aria-describedby={[local(unit) ? `${inputId}-unit` : '', describedBy].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={flush}
      />
      {local(unit) && (
        <span class="ds-field-affix" id={`${inputId}-unit`}>
          {local(unit)}
        </span>
      )}
    </div>
  );
}
