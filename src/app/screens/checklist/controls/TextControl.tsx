/** Free text (an answer or any item's note): one line or a box, saved as the person types, with a counter near the limit. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useText } from '../../../i18n/language';
import { CHECKLIST_TEXT } from '../text';
import { useDebouncedCommit } from '../useDebouncedCommit';
import type { ControlProps } from './ControlProps';

/** Show the counter once this share of the limit is used. */
const COUNTER_FROM = 0.8;

/** A text input or textarea. Text over the limit is not cut off: it stays visible with a message and is not saved. */
export function TextControl(props: ControlProps<string> & { maxLength: number; multiline: boolean }) {
  const t = useText(CHECKLIST_TEXT);
  const { inputId, value, onChange, describedBy, invalid, required, maxLength, multiline } = props;
  const [text, setText] = useState(value ?? '');
  const { schedule, flush } = useDebouncedCommit(onChange);
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => {
    if ((value ?? '') !== textRef.current.trim()) setText(value ?? '');
  }, [value]);

  const over = text.length - maxLength;
  const onInput = (raw: string) => {
    setText(raw);
    if (raw.length <= maxLength) schedule(raw.trim() === '' ? undefined : raw.trim());
  };
  const counterId = `${inputId}-counter`;
  const showCounter = text.length >= maxLength * COUNTER_FROM;
  const common = {
    class: 'ds-input',
    id: inputId,
    value: text,
    'aria-describedby': [showCounter ? counterId : '', describedBy].filter(Boolean).join(' ') || undefined,
    'aria-invalid': invalid || over > 0 || undefined,
    'aria-required': required || undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    onBlur: flush,
  };
  return (
    <>
      {multiline ? <textarea {...common} rows={3} /> : <input {...common} type="text" autoComplete="off" />}
      {showCounter && (
        <p id={counterId} class={over > 0 ? 'ds-validation-message' : 'cl-counter'} aria-live="polite">
          {over > 0 ? t('textTooLong', { over }) : t('charsLeft', { left: maxLength - text.length })}
        </p>
      )}
    </>
  );
}
