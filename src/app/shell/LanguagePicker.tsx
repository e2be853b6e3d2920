/** The Bokmål/English choice; each option is written in its own language so anyone can find theirs. */
import { setLanguage, useLanguage } from '../i18n/language';
import type { Language } from '../../core/text';

const OPTIONS: { lang: Language; label: string }[] = [
  { lang: 'nb', label: 'Norsk (bokmål)' },
  { lang: 'en', label: 'English' },
];

/**
 * Two radio buttons under a legend; the choice is remembered on the device and sets `<html lang>`.
 * `legendHidden` keeps the legend for screen readers only, where a heading above already says the same.
 */
export function LanguagePicker({ legend, legendHidden = false }: { legend: string; legendHidden?: boolean }) {
  const current = useLanguage();
  return (
    <fieldset class="ds-fieldset language-picker">
      <legend class={legendHidden ? 'ds-sr-only' : 'ds-label'}>{legend}</legend>
      {OPTIONS.map((o) => (
        <div class="ds-field" data-variant="outline" key={o.lang}>
          <input
            class="ds-input"
            type="radio"
            name="language"
            id={`language-${o.lang}`}
            value={o.lang}
            checked={current === o.lang}
            onChange={() => setLanguage(o.lang)}
          />
          <label class="ds-label" data-weight="regular" for={`language-${o.lang}`} lang={o.lang}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
