/** Turns zod issues into sentences a person can act on, in Bokmål or English, each with the field it concerns. */
import type { z } from 'zod';
import type { Language, LocalText } from '../text';
import { splitBilingual } from './bilingual';

/** One problem with a value: where (dotted path, empty for the whole value) and what to fix. */
export type FormattedIssue = { path: string; message: string };

const TYPE_NAMES: Record<string, LocalText> = {
  string: { nb: 'tekst', en: 'text' },
  number: { nb: 'et tall', en: 'a number' },
  boolean: { nb: 'ja eller nei', en: 'yes or no' },
  array: { nb: 'en liste', en: 'a list' },
  object: { nb: 'et objekt', en: 'an object' },
  record: { nb: 'et objekt', en: 'an object' },
};

function fallback(issue: z.core.$ZodIssue): LocalText {
  switch (issue.code) {
    case 'invalid_type': {
      // zod's default message is the only place that still says the value was absent.
      if (/received undefined/.test(issue.message)) return { nb: 'Må fylles ut', en: 'Required' };
      const type = TYPE_NAMES[issue.expected] ?? { nb: issue.expected, en: issue.expected };
      return { nb: `Feil type: skal være ${type.nb}`, en: `Wrong type: must be ${type.en}` };
    }
    case 'unrecognized_keys':
      return { nb: `Ukjent felt: ${issue.keys.join(', ')}`, en: `Unknown field: ${issue.keys.join(', ')}` };
    case 'invalid_value':
      return {
        nb: `Må være en av: ${issue.values.map(String).join(', ')}`,
        en: `Must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'too_small':
      return { nb: `For liten: minst ${String(issue.minimum)}`, en: `Too small: at least ${String(issue.minimum)}` };
    case 'too_big':
      return { nb: `For stor: høyst ${String(issue.maximum)}`, en: `Too big: at most ${String(issue.maximum)}` };
    case 'invalid_format':
      return { nb: `Feil format (${issue.format})`, en: `Wrong format (${issue.format})` };
    case 'invalid_key':
    case 'invalid_element': {
      // The reason is on the key's (or element's) own issue.
      const inner = issue.issues[0];
      return (inner && splitBilingual(inner.message ?? '')) ?? { nb: 'Ugyldig nøkkel', en: 'Invalid key' };
    }
    case 'invalid_union':
      return { nb: 'Verdien passer ikke til noen av de tillatte formene', en: 'The value matches none of the allowed shapes' };
    default:
      return { nb: `Ugyldig verdi (${issue.message})`, en: `Invalid value (${issue.message})` };
  }
}

/** Formats zod issues for one language; our schemas' own messages are used, zod's defaults are translated. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], lang: Language): FormattedIssue[] {
  return issues.map((issue) => {
    const text = splitBilingual(issue.message) ?? fallback(issue);
    return { path: issue.path.map(String).join('.'), message: text[lang] };
  });
}
