/**
 * One choice among many (a dwelling among hundreds) found by typing: a search field and, under it, the matches as
 * radios. The chosen one stays listed while the person searches on; Enter picks the only match instead of sending the
 * form.
 */
import { useState } from 'preact/hooks';
import { useText } from '../i18n/language';
import { PICKER_TEXT } from './pickerText';
import { searchOptions, type SearchOption } from './searchOptions';
import './forms.css';

/** Matches shown at once: enough to see the right one, few enough to read through on a phone. */
export const PICKER_LIMIT = 8;

type Props = {
  /** What FormField hands its input: the search field gets the id (its label and the error summary point to it). */
  a11y: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };
  options: readonly SearchOption[];
  /** The chosen value; '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** The label of the "none" choice; without it no such choice is offered. */
  none?: string;
};

/** The search field with its matches; the radios share the field's id as their name. */
export function SearchPicker({ a11y, options, value, onChange, none }: Props) {
  const t = useText(PICKER_TEXT);
  const [query, setQuery] = useState('');
  const { id } = a11y;
  const { found, total } = searchOptions(options, query, PICKER_LIMIT);
  const chosen = options.find((o) => o.value === value);
  const shown = chosen && !found.includes(chosen) ? [chosen, ...found] : found;
  const status = query.trim() === ''
    ? t('typeToFind', { n: options.length })
    : total === 0 ? t('foundNone') : total > found.length ? t('foundSome', { shown: found.length, n: total }) : total === 1 ? t('foundOne') : t('found', { n: total });
  const statusId = `${id}-found`;
  const describedBy = [a11y['aria-describedby'], statusId].filter(Boolean).join(' ');
  const listed = none !== undefined || shown.length > 0;
  const radio = (v: string, label: string) => (
    <label key={v || '-'} class="ds-label form-choice" data-weight="regular">
      <input class="ds-input" type="radio" name={id} value={v} checked={value === v} onChange={() => onChange(v)} />
      {label}
    </label>
  );

  return (
    <div class="search-picker">
      <input
        {...a11y}
        aria-describedby={describedBy}
        aria-controls={listed ? `${id}-choices` : undefined}
        class="ds-input"
        type="search"
        autoComplete="off"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (found.length === 1) onChange(found[0]!.value);
        }}
      />
      <p class="form-hint" id={statusId} role="status" data-testid={`${id}-found`}>{status}</p>
      {chosen && <p class="search-picker-chosen" data-testid={`${id}-chosen`}>{t('chosen', { label: chosen.label })}</p>}
      {listed && (
        <fieldset class="search-picker-choices" id={`${id}-choices`}>
          <legend class="visually-hidden">{t('choices')}</legend>
          {none !== undefined && radio('', none)}
          {shown.map((o) => radio(o.value, o.label))}
        </fieldset>
      )}
    </div>
  );
}
