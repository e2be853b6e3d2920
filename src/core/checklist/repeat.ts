/** Entries of a repeat group: adding, duplicating, moving and removing them, as pure functions on the answer. */
import { entriesOf } from './formula';
import type { Answer, RepeatEntry, RepeatItem } from './template';
import type { LocalText } from '../text';

/** A new entry id not used in `entries`: short, random, so two devices adding at once do not collide. */
export function newEntryId(entries: readonly RepeatEntry[], random: () => number = Math.random): string {
  const used = new Set(entries.map((e) => e.id));
  for (;;) {
    const id = `e${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`;
    if (!used.has(id)) return id;
  }
}

/** The repeat answer holding these entries, or null when none are left. */
export function withEntries(answer: Answer | null | undefined, entries: RepeatEntry[]): Answer | null {
  const { entries: _old, ...rest } = answer ?? {};
  void _old;
  return entries.length > 0 || Object.keys(rest).length > 0 ? { ...rest, ...(entries.length ? { entries } : {}) } : null;
}

/** A new, empty entry at the end (or with the given answers). */
export function addEntry(answer: Answer | null | undefined, answers: RepeatEntry['answers'] = {}, id?: string): Answer {
  const entries = entriesOf(answer);
  return withEntries(answer, [...entries, { id: id ?? newEntryId(entries), answers }])!;
}

/** A copy of entry `id` right after it, with the photos left out (a photo shows one room, not its copy). */
export function duplicateEntry(answer: Answer | null | undefined, id: string, newId?: string): Answer | null {
  const entries = entriesOf(answer);
  const at = entries.findIndex((e) => e.id === id);
  if (at < 0) return withEntries(answer, entries);
  const copy: RepeatEntry['answers'] = {};
  for (const [k, a] of Object.entries(entries[at]!.answers)) {
    const { photos: _p, ...rest } = a;
    void _p;
    if (Object.keys(rest).length > 0) copy[k] = JSON.parse(JSON.stringify(rest)) as typeof rest;
  }
  const next = [...entries];
  next.splice(at + 1, 0, { id: newId ?? newEntryId(entries), answers: copy });
  return withEntries(answer, next);
}

/** Entry `id` moved by `delta` places (−1 up, +1 down), kept within the list. */
export function moveEntry(answer: Answer | null | undefined, id: string, delta: number): Answer | null {
  const entries = [...entriesOf(answer)];
  const at = entries.findIndex((e) => e.id === id);
  const to = Math.max(0, Math.min(entries.length - 1, at + delta));
  if (at < 0 || to === at) return withEntries(answer, entries);
  const [entry] = entries.splice(at, 1);
  entries.splice(to, 0, entry!);
  return withEntries(answer, entries);
}

/** Entry `id` taken out; `removed` and `index` put it back with restoreEntry (undo). */
export function removeEntry(answer: Answer | null | undefined, id: string): { answer: Answer | null; removed?: RepeatEntry; index: number } {
  const entries = [...entriesOf(answer)];
  const index = entries.findIndex((e) => e.id === id);
  if (index < 0) return { answer: withEntries(answer, entries), index };
  const [removed] = entries.splice(index, 1);
  return { answer: withEntries(answer, entries), removed: removed!, index };
}

/** A removed entry back at its place (or at the end when the list has since become shorter); never twice. */
export function restoreEntry(answer: Answer | null | undefined, entry: RepeatEntry, index: number): Answer {
  const entries = entriesOf(answer).filter((e) => e.id !== entry.id);
  entries.splice(Math.max(0, Math.min(index, entries.length)), 0, entry);
  return withEntries(answer, entries)!;
}

/** An entry's name in lists and messages: its title item's answer when given, else "Rom 3". */
export function entryTitle(repeat: RepeatItem, entry: RepeatEntry, position: number): LocalText {
  const numbered = { nb: `${repeat.entryLabel.nb} ${position + 1}`, en: `${repeat.entryLabel.en} ${position + 1}` };
  const titleId = repeat.titleItem;
  const title = titleId ? entry.answers[titleId]?.value : undefined;
  if (typeof title === 'string' && title.trim() !== '') {
    const text = title.trim().slice(0, 60);
    return { nb: text, en: text };
  }
  return numbered;
}

/**
 * A change to one item's answer: the new answer, or a function from the answer as it stands to the new one. Controls
 * send functions, so a second change made before the screen has drawn the first builds on the first instead of on
 * the answer drawn before it (a photo added right after a finding was typed keeps the finding).
 */
export type AnswerChange = Answer | null | ((current: Answer | undefined) => Answer | null);

/** The answer a change leads to from `current`. */
export function applyAnswerChange(change: AnswerChange, current: Answer | undefined): Answer | null {
  return typeof change === 'function' ? change(current) : change;
}
