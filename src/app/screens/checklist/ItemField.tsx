/** One checklist item: label with required marker, help, the control its kind calls for, a note and photos. */
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { evidenceGaps } from '../../../core/checklist/evidence';
import { followUpGaps, type FindingField, type RedRiskField } from '../../../core/checklist/followUp';
import type { Answer, AnswerValue, Finding, Grade, Item, LeafItem, RiskValue } from '../../../core/checklist/template';
import type { AnswerChange } from '../../../core/checklist/repeat';
import type { LocalText } from '../../../core/text';
import type { DistanceProposal } from '../../../core/checklist/distanceProposals';
import { POI_KIND_LABELS } from '../../../core/schemas/poi';
import { formatNumber } from '../../../core/format/formatNumber';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { PhotoList } from '../../photos/PhotoList';
import { answerDetails, answerText } from './answerText';
import { controlFor } from './controlFor';
import { CheckboxesControl } from './controls/CheckboxesControl';
import { DateControl } from './controls/DateControl';
import { FindingControl, findingInputId } from './controls/FindingControl';
import { GradeControl } from './controls/GradeControl';
import { NumberControl, type NumberProblem } from './controls/NumberControl';
import { RadioControl } from './controls/RadioControl';
import { RiskControl, riskInputId } from './controls/RiskControl';
import { TextControl } from './controls/TextControl';
import { CHECKLIST_TEXT } from './text';

/** Most photos any item's "photos" area takes (the answer schema's limit). */
const MAX_ITEM_PHOTOS = 20;

/** The DOM id of an item's first input: the error summary links to it and moves focus there. */
export function itemInputId(itemId: string): string {
  return `item-${itemId}`;
}

/** The DOM id of one field of a TG2/TG3 finding or a red risk's follow-up (item ids hold no "-", so it can be split off). */
export function followUpInputId(itemId: string, field: FindingField | RedRiskField): string {
  const inputId = itemInputId(itemId);
  return field === 'measure' || field === 'owner' || field === 'deadline' || field === 'after' ? riskInputId(inputId, field) : findingInputId(inputId, field);
}

/** The finding with its empty parts left out, or undefined when nothing is left. */
function cleanedFinding(f: Finding | undefined): Finding | undefined {
  if (!f) return undefined;
  const out = Object.fromEntries(Object.entries(f).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Finding;
  return Object.keys(out).length ? out : undefined;
}

type Props = {
  item: Item | LeafItem;
  answer: Answer | undefined;
  /** The whole new answer for this item, or null when nothing is left (value, note and photos all empty). */
  onAnswer: (itemId: string, change: AnswerChange) => void;
  readOnly: boolean;
  /** The message from "Fullfør" validation, shown under the item. */
  error?: LocalText;
  /** Set when the answer differs from the previous completed checklist: what it was then. */
  previous?: Answer | null;
  /** The nearest place of the item's kind and its straight-line distance, proposed for the inspector to accept or correct. */
  proposal?: DistanceProposal;
};

function cleaned(a: Answer): Answer | null {
  const out: Answer = {};
  if (a.value !== undefined && a.value !== null && !(Array.isArray(a.value) && a.value.length === 0)) out.value = a.value;
  if (a.note) out.note = a.note;
  if (a.photos?.length) out.photos = a.photos;
  if (a.typed) out.typed = a.typed;
  const finding = cleanedFinding(a.finding);
  if (finding) out.finding = finding;
  return Object.keys(out).length ? out : null;
}

/**
 * One item, redrawn only when its own props change: an answer saved on one item must not redraw the whole section
 * (the autosave budget is 16 ms, and a section of the bedroom checklist holds over 40 items).
 */
export class ItemField extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    const prev = this.props as Record<string, unknown>;
    return Object.keys({ ...prev, ...next }).some((k) => prev[k] !== (next as Record<string, unknown>)[k]);
  }

  override render(props: Props) {
    return <ItemFieldView {...props} />;
  }
}

/**
 * Grouped controls (radios, grades, checkboxes, the risk matrix, photos) sit in a fieldset whose legend is the
 * item's label; single inputs get a label element. Help and error text are tied to the input by aria-describedby.
 */
function ItemFieldView({ item, answer, onAnswer, readOnly, error, previous, proposal }: Props) {
  const t = useText(CHECKLIST_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const [problem, setProblem] = useState<NumberProblem>(null);
  const spec = controlFor(item);
  const inputId = itemInputId(item.id);
  const helpId = `${inputId}-help`;
  const errorId = `${inputId}-error`;
  const message = problem ? t(problem.key, problem.vars) : error ? local(error) : null;
  const describedBy = [item.help ? helpId : '', message ? errorId : ''].filter(Boolean).join(' ') || undefined;
  // The patch is laid on the answer as it stands when the change is applied, not as this field last drew it; a patch
  // that depends on that answer (one field of a finding) is a function of it.
  const change = (patch: Partial<Answer> | ((current: Answer | undefined) => Partial<Answer>)) =>
    onAnswer(item.id, (current) => cleaned({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }));
  const setValue = (value: AnswerValue | undefined) => change({ value: value ?? undefined });
  const common = { inputId, name: inputId, describedBy, invalid: !!message, required: item.required };
  // After "Fullfør": the parts of a finding or a red risk's follow-up still empty are marked on their own fields.
  const gaps: string[] = error ? followUpGaps(item.kind, answer) : [];
  // A failed answer whose item asks for evidence says so at once, and opens where it goes.
  const evidence = evidenceGaps(item, answer);
  const evidenceId = `${inputId}-evidence`;

  const label = (
    <>
      {local(item.label)}
      {item.required && !readOnly && <span class="cl-required"> ({t('required')})</span>}
    </>
  );
  const help = item.help && <p id={helpId} class="cl-help" data-field="description">{local(item.help)}</p>;
  const changed = previous !== undefined && (
    <p class="cl-changed" data-testid={`changed-${item.id}`}>
      {t('changedSinceLast', { before: local(answerText(item, previous ?? undefined)) })}
    </p>
  );

  if (readOnly) {
    return (
      <div class="cl-item cl-item-readonly" id={`${inputId}-box`} data-item={item.id}>
        <p class="cl-label" id={inputId}>{local(item.label)}</p>
        <p class="cl-value">{local(answerText(item, answer))}</p>
        {answerDetails(item, answer).map((d) => (
          <p key={d.key} class="cl-detail" data-detail={d.key}><span class="cl-note-label">{local(d.label)}: </span>{local(d.text)}</p>
        ))}
        {answer?.note && <p class="cl-note-text"><span class="cl-note-label">{t('note')}: </span>{answer.note}</p>}
        {item.kind !== 'photos' && answer?.photos?.length ? (
          <PhotoList idPrefix={inputId} photos={answer.photos} onChange={() => undefined} max={0} readOnly />
        ) : null}
        {item.kind === 'photos' && <PhotoList idPrefix={inputId} photos={answer?.photos ?? []} onChange={() => undefined} max={0} readOnly />}
        {changed}
      </div>
    );
  }

  let control;
  switch (spec.control) {
    case 'radio':
      control = <RadioControl {...common} options={spec.options} value={answer?.value as string | boolean | undefined} onChange={setValue} />;
      break;
    case 'grade':
      control = (
        <>
          <GradeControl {...common} options={spec.options} value={answer?.value as Grade | undefined} onChange={setValue} />
          {(answer?.value === 'TG2' || answer?.value === 'TG3') && (
            <FindingControl inputId={inputId} grade={answer.value} finding={answer.finding} onChange={(field, text) => change((current) => ({ finding: { ...current?.finding, [field]: text } }))} invalidFields={gaps} />
          )}
        </>
      );
      break;
    case 'checkboxes':
      control = <CheckboxesControl {...common} options={spec.options} value={answer?.value as string[] | undefined} onChange={setValue} />;
      break;
    case 'risk':
      control = <RiskControl {...common} value={answer?.value as RiskValue | undefined} onChange={setValue} invalidFields={gaps} />;
      break;
    case 'number':
      control = (
        <NumberControl
          {...common}
          value={typeof answer?.value === 'number' ? answer.value : undefined}
          typed={answer?.typed}
          onChange={(value) => change({ value, typed: undefined })}
          onTyped={(typed) => change({ value: undefined, typed })}
          unit={spec.unit}
          inputMode={spec.inputMode}
          min={spec.min}
          max={spec.max}
          integer={spec.integer}
          onProblem={setProblem}
        />
      );
      break;
    case 'date':
      control = <DateControl {...common} value={answer?.value as string | undefined} onChange={setValue} />;
      break;
    case 'text':
      control = <TextControl {...common} value={answer?.value as string | undefined} onChange={setValue} maxLength={spec.maxLength} multiline={spec.multiline} />;
      break;
    case 'photos':
      control = (
        <PhotoList idPrefix={inputId} photos={answer?.photos ?? []} onChange={(photos) => change({ photos })} max={spec.maxPhotos} describedBy={describedBy} />
      );
      break;
  }

  const proposalId = `${inputId}-proposal`;
  const proposed = proposal && spec.control === 'number' && (
    <div class="cl-proposal" data-testid={`proposal-${item.id}`}>
      <p id={proposalId} class="cl-help">
        {t('nearestProposal', { kind: local(POI_KIND_LABELS[proposal.kind]), name: proposal.name, distance: formatNumber(proposal.distanceM, lang) })}
      </p>
      {answer?.value !== proposal.distanceM && (
        <button type="button" class="ds-button" data-variant="secondary" data-size="sm" aria-describedby={proposalId} onClick={() => change({ value: proposal.distanceM, typed: undefined })}>
          {t('useProposal', { distance: formatNumber(proposal.distanceM, lang) })}
        </button>
      )}
    </div>
  );

  const errorLine = message && <p id={errorId} class="ds-validation-message" data-field="validation">{message}</p>;
  const evidenceLine = evidence.length > 0 && !message && (
    <p id={evidenceId} class="cl-evidence" data-testid={`evidence-${item.id}`}>
      {t(evidence.length === 2 ? 'evidenceBoth' : evidence[0] === 'photo' ? 'evidencePhoto' : 'evidenceNote')}
    </p>
  );
  // Radios and tiles cannot be unticked by tapping again, so a chosen answer can be taken back here.
  const clearable = ['radio', 'grade', 'checkboxes', 'risk'].includes(spec.control) && answer?.value !== undefined;
  const extras = (
    <div class="cl-extras">
      {clearable && (
        <button type="button" class="ds-button cl-clear" data-variant="tertiary" onClick={() => setValue(undefined)} aria-describedby={`${inputId}-box-label`}>
          {t('clearAnswer')}
        </button>
      )}
      <details class="cl-extra" open={!!answer?.note || evidence.includes('note')}>
        <summary>{t('note')}{evidence.includes('note') ? ` (${t('required')})` : ''}</summary>
        <div class="ds-field">
          <label class="ds-label ds-sr-only" for={`${inputId}-note`}>{t('note')}: {local(item.label)}</label>
          <TextControl inputId={`${inputId}-note`} name={`${inputId}-note`} value={answer?.note} onChange={(note) => change({ note })} invalid={false} required={false} maxLength={5000} multiline />
        </div>
      </details>
      {item.kind !== 'photos' && (
        <details class="cl-extra" open={!!answer?.photos?.length || evidence.includes('photo')}>
          <summary>{t('photos')}{answer?.photos?.length ? ` (${answer.photos.length})` : evidence.includes('photo') ? ` (${t('required')})` : ''}</summary>
          <PhotoList idPrefix={`${inputId}-ph`} photos={answer?.photos ?? []} onChange={(photos) => change({ photos })} max={MAX_ITEM_PHOTOS} />
        </details>
      )}
    </div>
  );

  return (
    <div class="cl-item" id={`${inputId}-box`} data-item={item.id} data-kind={item.kind}>
      {spec.grouped ? (
        <fieldset class="ds-fieldset" aria-describedby={describedBy}>
          <legend class="ds-label cl-label" id={`${inputId}-box-label`}>{label}</legend>
          {help}
          {control}
          {errorLine}
          {evidenceLine}
        </fieldset>
      ) : (
        <div class="ds-field">
          <label class="ds-label cl-label" for={inputId} id={`${inputId}-box-label`}>{label}</label>
          {help}
          {proposed}
          {control}
          {errorLine}
          {evidenceLine}
        </div>
      )}
      {changed}
      {extras}
    </div>
  );
}
