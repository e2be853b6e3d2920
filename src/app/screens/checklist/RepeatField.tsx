/**
 * A repeat group ("Rom", "Avvik"): its entries as a list of folded cards, one open at a time, each with its own items,
 * and buttons to add, duplicate, move and remove (with undo). Every change saves the whole group as one answer.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { calcValue, entriesOf, entryScope, entryView } from '../../../core/checklist/formula';
import { isShown } from '../../../core/checklist/isShown';
import { addEntry, applyAnswerChange, duplicateEntry, entryTitle, moveEntry, removeEntry, restoreEntry, withEntries, type AnswerChange } from '../../../core/checklist/repeat';
import type { Answer, LeafItem, RepeatEntry, RepeatItem } from '../../../core/checklist/template';
import type { LocalText } from '../../../core/text';
import { useLocal, useText } from '../../i18n/language';
import { answerText } from './answerText';
import { CalcField } from './CalcField';
import { ItemField, itemInputId } from './ItemField';
import { CHECKLIST_TEXT } from './text';

/** The key of one entry's item in the error map and in the DOM: `rooms.list.b1.lengthM`. */
export function entryKey(repeatId: string, entryId: string, itemId: string): string {
  return `${repeatId}.${entryId}.${itemId}`;
}

/** Splits an entry key (or anything after it, such as `-note`) into its repeat's entry and item, for a known repeat. */
export function parseEntryKey(repeatIds: readonly string[], key: string): { repeatId: string; entryId: string; itemId: string } | undefined {
  for (const repeatId of repeatIds) {
    if (!key.startsWith(`${repeatId}.`)) continue;
    const [entryId, itemId] = key.slice(repeatId.length + 1).split('.');
    if (entryId && itemId) return { repeatId, entryId, itemId: itemId.replace(/-.*$/, '') };
  }
  return undefined;
}

// Item objects with the entry's key as id, made once per entry so unchanged items are not redrawn.
const keyed = new WeakMap<LeafItem, Map<string, LeafItem>>();
function itemFor(repeat: RepeatItem, entryId: string, sub: LeafItem): LeafItem {
  let byEntry = keyed.get(sub);
  if (!byEntry) keyed.set(sub, (byEntry = new Map()));
  let item = byEntry.get(entryId);
  if (!item) byEntry.set(entryId, (item = { ...sub, id: entryKey(repeat.id, entryId, sub.id) }));
  return item;
}

type Props = {
  repeat: RepeatItem;
  answer: Answer | undefined;
  onAnswer: (itemId: string, change: AnswerChange) => void;
  readOnly: boolean;
  errors: Record<string, LocalText>;
  /** The entry to show open (the error summary opens the one it links into). */
  openEntry?: string;
  onOpenEntry: (entryId: string | undefined) => void;
};

/** The repeat group with its entries. */
export function RepeatField({ repeat, answer, onAnswer, readOnly, errors, openEntry, onOpenEntry }: Props) {
  const t = useText(CHECKLIST_TEXT);
  const local = useLocal();
  const [removed, setRemoved] = useState<{ entry: RepeatEntry; index: number; name: string } | null>(null);
  const entries = entriesOf(answer);
  const boxId = itemInputId(repeat.id);
  const what = local(repeat.entryLabel).toLocaleLowerCase();

  // Every change goes up as a function of the group's answer as it stands, so quick changes build on each other. The
  // screen applies it at once: what a function notes (an added entry's id) is known when `save` returns.
  const save = (update: (current: Answer | undefined) => Answer | null) => onAnswer(repeat.id, update);
  // One function for the life of the group: an entry's item answered saves the group with that entry changed.
  const onEntryAnswer = useCallback(
    (key: string, change: AnswerChange) => {
      const parsed = parseEntryKey([repeat.id], key);
      if (!parsed) return;
      onAnswer(repeat.id, (current) =>
        withEntries(
          current,
          entriesOf(current).map((e) => {
            if (e.id !== parsed.entryId) return e;
            const answers = { ...e.answers };
            const a = applyAnswerChange(change, e.answers[parsed.itemId]);
            if (a === null) delete answers[parsed.itemId];
            else answers[parsed.itemId] = a;
            return { ...e, answers };
          }),
        ),
      );
    },
    [repeat.id, onAnswer],
  );

  // Focus goes to an element that may be drawn only once the group's new answer is on the device (an added entry's
  // first field): tried in the next frame, and after every redraw until it is there.
  const pendingFocus = useRef<string | null>(null);
  const focusIfThere = () => {
    const id = pendingFocus.current;
    const el = id ? document.getElementById(id) : null;
    if (!el) return;
    pendingFocus.current = null;
    el.focus();
  };
  useEffect(focusIfThere);
  const focusLater = (id: string) => {
    pendingFocus.current = id;
    requestAnimationFrame(focusIfThere);
  };
  const add = () => {
    let id: string | undefined;
    save((current) => {
      const next = addEntry(current);
      id = next.entries![next.entries!.length - 1]!.id;
      return next;
    });
    if (!id) return;
    setRemoved(null);
    onOpenEntry(id);
    focusLater(itemInputId(entryKey(repeat.id, id, repeat.items[0]!.id)));
  };
  const duplicate = (id: string) => {
    let copy: RepeatEntry | undefined;
    save((current) => {
      const next = duplicateEntry(current, id);
      copy = entriesOf(next)[entriesOf(next).findIndex((e) => e.id === id) + 1];
      return next;
    });
    if (copy) {
      onOpenEntry(copy.id);
      focusLater(`${boxId}-${copy.id}-summary`);
    }
  };
  const move = (id: string, delta: number) => {
    save((current) => moveEntry(current, id, delta));
    focusLater(`${boxId}-${id}-${delta < 0 ? 'up' : 'down'}`);
  };
  const remove = (id: string, index: number) => {
    let gone: RepeatEntry | undefined;
    save((current) => {
      const out = removeEntry(current, id);
      gone = out.removed;
      return out.answer;
    });
    if (!gone) return;
    setRemoved({ entry: gone, index, name: local(entryTitle(repeat, gone, index)) });
    if (openEntry === id) onOpenEntry(undefined);
    focusLater(`${boxId}-undo`);
  };
  const undo = () => {
    if (!removed) return;
    save((current) => restoreEntry(current, removed.entry, removed.index));
    onOpenEntry(removed.entry.id);
    focusLater(`${boxId}-${removed.entry.id}-summary`);
    setRemoved(null);
  };

  const full = entries.length >= repeat.maxEntries;
  const groupError = errors[repeat.id];
  return (
    <section class="cl-item cl-repeat" id={`${boxId}-box`} data-item={repeat.id} data-kind="repeat" aria-labelledby={`${boxId}-title`}>
      <h3 class="ds-heading cl-label" data-size="xs" id={`${boxId}-title`} tabIndex={-1}>
        {local(repeat.label)} <span class="cl-repeat-count">({t('entryCount', { n: entries.length })})</span>
      </h3>
      {repeat.help && <p class="cl-help">{local(repeat.help)}</p>}
      {groupError && <p id={`${boxId}-error`} class="ds-validation-message" data-field="validation">{local(groupError)}</p>}
      {entries.length === 0 && <p class="cl-repeat-empty">{t('entryNone')}</p>}
      <ol class="cl-entries" data-testid={`entries-${repeat.id}`}>
        {entries.map((entry, index) => {
          const view = entryView(repeat, entry);
          const name = local(entryTitle(repeat, entry, index));
          const prefix = `${repeat.id}.${entry.id}.`;
          const problems = Object.keys(errors).filter((k) => k.startsWith(prefix)).length;
          const open = openEntry === entry.id;
          const typeItem = repeat.items.find((i) => i.id === 'type');
          const summaryBits = [typeItem && view[typeItem.id] ? local(answerText(typeItem, view[typeItem.id])) : '', ...repeat.items.filter((i) => i.kind === 'calc' && view[i.id]).map((i) => local(answerText(i, view[i.id])))].filter(Boolean);
          return (
            <li key={entry.id} class="cl-entry" data-entry={entry.id} data-open={open ? 'true' : undefined} data-error={problems ? 'true' : undefined}>
              <button
                type="button"
                class="cl-entry-summary"
                id={`${boxId}-${entry.id}-summary`}
                aria-expanded={open}
                aria-controls={`${boxId}-${entry.id}-body`}
                onClick={() => onOpenEntry(open ? undefined : entry.id)}
              >
                <span class="cl-entry-name">{index + 1}. {name}</span>
                {summaryBits.length > 0 && <span class="cl-entry-facts">{summaryBits.join(' · ')}</span>}
                {problems > 0 && <span class="cl-entry-problems">{t('entryProblems', { n: problems })}</span>}
              </button>
              {open && (
                <div class="cl-entry-body" id={`${boxId}-${entry.id}-body`}>
                  {repeat.items.map((sub) => {
                    if (!isShown(sub, view)) return null;
                    const item = itemFor(repeat, entry.id, sub);
                    if (sub.kind === 'calc') return <CalcField key={sub.id} item={sub} value={calcValue(sub, entryScope(repeat, entry.answers))} domId={itemInputId(item.id)} />;
                    return <ItemField key={sub.id} item={item} answer={entry.answers[sub.id]} onAnswer={onEntryAnswer} readOnly={readOnly} error={errors[item.id]} />;
                  })}
                  {!readOnly && (
                    <div class="cl-entry-actions" role="group" aria-label={t('entryActions', { name })}>
                      <button type="button" class="ds-button" data-variant="secondary" data-size="sm" onClick={() => duplicate(entry.id)} disabled={full}>
                        {t('duplicateEntry')}
                      </button>
                      <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" id={`${boxId}-${entry.id}-up`} onClick={() => move(entry.id, -1)} disabled={index === 0}>
                        ↑ {t('moveUp')}
                      </button>
                      <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" id={`${boxId}-${entry.id}-down`} onClick={() => move(entry.id, 1)} disabled={index === entries.length - 1}>
                        ↓ {t('moveDown')}
                      </button>
                      <button type="button" class="ds-button" data-variant="tertiary" data-color="danger" data-size="sm" onClick={() => remove(entry.id, index)}>
                        {t('removeEntry')}
                      </button>
                    </div>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <div role="status" class="cl-entry-removed">
        {removed && (
          <>
            <span>{t('entryRemoved', { name: removed.name })}</span>{' '}
            <button type="button" class="ds-button" data-variant="secondary" data-size="sm" id={`${boxId}-undo`} onClick={undo}>
              {t('undoRemove')}
            </button>
          </>
        )}
      </div>
      {!readOnly && (
        <div class="cl-repeat-add">
          <button type="button" class="ds-button" data-variant="secondary" id={boxId} onClick={add} disabled={full} data-testid={`add-${repeat.id}`}>
            + {t('addEntry', { what })}
          </button>
          {full && <p class="cl-help">{t('entryFull', { n: repeat.maxEntries })}</p>}
        </div>
      )}
    </section>
  );
}
