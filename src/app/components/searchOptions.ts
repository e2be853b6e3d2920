/** Finding one choice among many by typing: every word typed must occur in the choice's text, case and accents aside. */

/** A choice to search: its value, what it is found by and what it is called on screen. */
export type SearchOption = { value: string; label: string; searchText: string };

/** Lower case without accents (é → e) but with æ, ø and å kept: they are letters of their own in Norwegian. */
export function foldForSearch(text: string): string {
  return Array.from(text.normalize('NFC').toLocaleLowerCase('nb'), (c) => ('æøå'.includes(c) ? c : c.normalize('NFD').replace(/\p{M}/gu, ''))).join('');
}

/**
 * The choices whose text holds every word of the query, at most `limit`, those starting with the first word first
 * (otherwise in the given order); no query finds nothing. `total` is how many were found before the limit.
 */
export function searchOptions(options: readonly SearchOption[], query: string, limit: number): { found: SearchOption[]; total: number } {
  const words = foldForSearch(query).split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return { found: [], total: 0 };
  const hits = options.filter((o) => {
    const text = foldForSearch(o.searchText);
    return words.every((w) => text.includes(w));
  });
  const first = words[0]!;
  const starts = (o: SearchOption) => (foldForSearch(o.searchText).startsWith(first) ? 0 : 1);
  const ordered = hits.map((o, i) => ({ o, i })).sort((a, b) => starts(a.o) - starts(b.o) || a.i - b.i).map((x) => x.o);
  return { found: ordered.slice(0, limit), total: hits.length };
}
