/** The one renderer for every checklist template: section navigation with progress, the open section's items, paging. */
import { useMemo } from 'preact/hooks';
import { deepEqual } from '../../../core/sync/deepEqual';
import { calcValue } from '../../../core/checklist/formula';
import { isShown } from '../../../core/checklist/isShown';
import { itemIndex } from '../../../core/checklist/itemIndex';
import { sectionProgress } from '../../../core/checklist/sectionProgress';
import type { Answers, Template } from '../../../core/checklist/template';
import type { AnswerChange } from '../../../core/checklist/repeat';
import type { LocalText } from '../../../core/text';
import type { DistanceProposal } from '../../../core/checklist/distanceProposals';
import { useLocal, useText } from '../../i18n/language';
import { CalcField } from './CalcField';
import { ItemField } from './ItemField';
import { RepeatField } from './RepeatField';
import { CHECKLIST_TEXT } from './text';

type Props = {
  template: Template;
  answers: Answers;
  readOnly: boolean;
  onAnswer: (itemId: string, change: AnswerChange) => void;
  /** Messages from the last "Fullfør", by item id. */
  errors: Record<string, LocalText>;
  /** Answers of the previous completed checklist, to mark what changed; undefined when there is none. */
  previous?: Answers;
  sectionId: string;
  onSection: (sectionId: string) => void;
  /** Straight-line distances to propose, by item id (the neighbourhood checklist). */
  proposals?: Record<string, DistanceProposal>;
  /** Called when focus enters an item, to remember the place. */
  onItemFocus: (itemId: string) => void;
  /** The open entry of a repeat group, by the group's id. */
  openEntries?: Record<string, string | undefined>;
  onOpenEntry?: (repeatId: string, entryId: string | undefined) => void;
};

/** The checklist form. Items are shown or hidden by their conditions as answers change. */
export function ChecklistForm({ template, answers, readOnly, onAnswer, errors, previous, proposals, sectionId, onSection, onItemFocus, openEntries = {}, onOpenEntry = () => undefined }: Props) {
  const t = useText(CHECKLIST_TEXT);
  const local = useLocal();
  const progress = useMemo(() => new Map(sectionProgress(template, answers).map((p) => [p.sectionId, p])), [template, answers]);
  const index = Math.max(0, template.sections.findIndex((s) => s.id === sectionId));
  const section = template.sections[index]!;
  const go = (i: number) => {
    onSection(template.sections[i]!.id);
    requestAnimationFrame(() => document.getElementById('checklist-section-title')?.focus());
  };
  const items = section.items.filter((item) => isShown(item, answers, template));
  const sectionErrors = new Set(Object.keys(errors));
  const errorKeys = Object.keys(errors);
  // An entry's error is keyed `group.entry.item`: the group's section has it.
  const hasErrorIn = (id: string) => sectionErrors.has(id) || errorKeys.some((k) => k.startsWith(`${id}.`));
  const scope = { answers, item: (id: string) => itemIndex(template).get(id)?.item };

  return (
    <div class="cl-form">
      <nav class="cl-sections" aria-label={t('sections')}>
        <ol>
          {template.sections.map((s, i) => {
            const p = progress.get(s.id)!;
            const hasError = s.items.some((it) => (it.kind === 'repeat' ? hasErrorIn(it.id) : sectionErrors.has(it.id)));
            return (
              <li key={s.id}>
                <button
                  type="button"
                  class="cl-section-link"
                  aria-current={i === index ? 'step' : undefined}
                  data-complete={p.complete ? 'true' : undefined}
                  data-error={hasError ? 'true' : undefined}
                  onClick={() => go(i)}
                >
                  <span class="cl-section-name">{local(s.title)}</span>
                  <span class="cl-section-progress">{t('sectionProgress', { done: p.answered, total: p.shown })}</span>
                  <span class="cl-section-bar" aria-hidden="true">
                    <span style={{ width: `${p.shown ? (100 * p.answered) / p.shown : 0}%` }} />
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <section class="cl-section" aria-labelledby="checklist-section-title" onFocusIn={(e) => {
        const box = (e.target as HTMLElement).closest<HTMLElement>('[data-item]');
        if (box?.dataset.item) onItemFocus(box.dataset.item);
      }}>
        <p class="cl-section-of">{t('sectionOf', { n: index + 1, total: template.sections.length })}</p>
        <h2 id="checklist-section-title" class="ds-heading" data-size="sm" tabIndex={-1}>{local(section.title)}</h2>
        {section.help && <p class="cl-section-help">{local(section.help)}</p>}
        {items.map((item) =>
          item.kind === 'repeat' ? (
            <RepeatField
              key={item.id}
              repeat={item}
              answer={answers[item.id]}
              onAnswer={onAnswer}
              readOnly={readOnly}
              errors={errors}
              openEntry={openEntries[item.id]}
              onOpenEntry={(entryId) => onOpenEntry(item.id, entryId)}
            />
          ) : item.kind === 'calc' ? (
            <CalcField key={item.id} item={item} value={calcValue(item, scope)} />
          ) : (
          <ItemField
            key={item.id}
            item={item}
            answer={answers[item.id]}
            onAnswer={onAnswer}
            readOnly={readOnly}
            error={errors[item.id]}
            proposal={proposals?.[item.id]}
            previous={previous && !deepEqual(previous[item.id] ?? null, answers[item.id] ?? null) ? (previous[item.id] ?? null) : undefined}
          />
          ),
        )}
        <div class="cl-paging">
          {index > 0 && (
            <button type="button" class="ds-button" data-variant="secondary" onClick={() => go(index - 1)}>
              ← {t('previousSection')}
            </button>
          )}
          {index < template.sections.length - 1 && (
            <button type="button" class="ds-button" data-variant="secondary" onClick={() => go(index + 1)}>
              {t('nextSection')}: {local(template.sections[index + 1]!.title)} →
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
