/**
 * A checklist's form named with its version, "Boligbefaring, versjon 2", so that two versions of one form read as
 * editions of it rather than as "Boligbefaring (1)" and "Boligbefaring (2)", which look like duplicates.
 */
import type { Language, LocalText } from '../../../core/text';

/** The form's title and version in words, in one language. */
export function templateName(title: LocalText, version: number, lang: Language): string {
  return lang === 'nb' ? `${title.nb}, versjon ${version}` : `${title.en}, version ${version}`;
}
