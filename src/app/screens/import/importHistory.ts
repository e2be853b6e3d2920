/**
 * The registry imports made from this device (file name, time, count), remembered so the list of imports can name
 * them, and the column mapping chosen for a file layout, remembered so the next file with the same headings is
 * mapped at once. Both live in localStorage: losing them loses names and a convenience, never data.
 */
import { headingKey, type Mapping } from '../../../core/import/registryImport';

const MAPPING_KEY = 'egnet.import.mapping.';
const HISTORY_KEY = 'egnet.import.history';

/** A layout's identity: its headings, reduced and in order. */
function layoutKey(header: readonly string[]): string {
  return MAPPING_KEY + header.map(headingKey).join('|');
}

/** The mapping last used for files with these headings, if any. */
export function rememberedMapping(header: readonly string[]): Mapping | null {
  try {
    const raw = localStorage.getItem(layoutKey(header));
    return raw ? (JSON.parse(raw) as Mapping) : null;
  } catch {
    return null;
  }
}

/** Remembers the mapping for files with these headings. */
export function rememberMapping(header: readonly string[], mapping: Mapping): void {
  try {
    localStorage.setItem(layoutKey(header), JSON.stringify(mapping));
  } catch {
    /* private mode or full: the mapping is asked again next time */
  }
}

/** An import as this device remembers it. */
export type ImportEntry = { importId: string; fileName: string; at: string; count: number };

/** The imports made from this device, newest first. */
export function importHistory(): ImportEntry[] {
  try {
    return (JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]') as ImportEntry[]).filter((e) => typeof e.importId === 'string');
  } catch {
    return [];
  }
}

/** Adds an import to the device's list. */
export function addImport(entry: ImportEntry): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify([entry, ...importHistory().filter((e) => e.importId !== entry.importId)].slice(0, 50)));
  } catch {
    /* the import is still listed, by its dwellings, without its file name */
  }
}
