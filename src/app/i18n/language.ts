/** The chosen language (Bokmål or English): remembered on the device and mirrored in `<html lang>`. */
import { useEffect, useState } from 'preact/hooks';
import { LANGUAGES, type Language, type LocalText } from '../../core/text';

const KEY = 'egnet.language';
const listeners = new Set<(lang: Language) => void>();

function stored(): Language {
  try {
    const v = localStorage.getItem(KEY);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as Language) : 'nb';
  } catch {
    return 'nb';
  }
}

let current: Language = typeof localStorage === 'undefined' ? 'nb' : stored();

/** The current language. */
export function getLanguage(): Language {
  return current;
}

/** Changes the language, remembers it, and updates `<html lang>`. */
export function setLanguage(lang: Language): void {
  current = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* private mode: the choice lasts for this visit only */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const l of listeners) l(lang);
}

/** Re-renders the component when the language changes. */
export function useLanguage(): Language {
  const [lang, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return lang;
}

/** A feature's dictionary: every key has its Bokmål and English text. */
export type Dictionary = Record<string, LocalText>;

/** Declares a feature's dictionary (one `text.ts` per feature folder keeps the dictionaries apart). */
export function defineText<D extends Dictionary>(dict: D): D {
  return dict;
}

/** Fills `{name}` placeholders. */
export function format(s: string, vars?: Record<string, string | number>): string {
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** Hook: a translate function for one dictionary in the current language. */
export function useText<D extends Dictionary>(dict: D): (key: keyof D, vars?: Record<string, string | number>) => string {
  const lang = useLanguage();
  return (key, vars) => format(dict[key]![lang], vars);
}

/** Text of a core `LocalText` (template labels, rule reasons) in the current language. */
export function useLocal(): (text: LocalText) => string {
  const lang = useLanguage();
  return (text) => text[lang];
}
