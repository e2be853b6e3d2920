/**
 * The finding a condition grade of TG2 or TG3 asks for, as short fields of their own that appear as soon as the grade
 * is chosen: cause and consequence, and on TG3 a cost estimate.
 */
import { findingFieldsFor, type FindingField } from '../../../../core/checklist/followUp';
import type { Finding, Grade } from '../../../../core/checklist/template';
import { useText } from '../../../i18n/language';
import { CHECKLIST_TEXT } from '../text';
import { TextControl } from './TextControl';

const LABEL = { cause: 'findingCause', consequence: 'findingConsequence', costEstimate: 'findingCost' } as const;
const MAX = { cause: 500, consequence: 500, costEstimate: 200 } as const;

type Props = {
  /** The item's input id; each field's id is this plus the field's name. */
  inputId: string;
  grade: Grade;
  finding: Finding | undefined;
  /** One field changed: the rest of the finding is taken as it stands when the change is saved. */
  onChange: (field: FindingField, text: string | undefined) => void;
  /** Fields to mark invalid (after "Fullfør" found them empty). */
  invalidFields: readonly string[];
};

/** The id of one field of a finding, for labels and the error summary's links. */
export function findingInputId(inputId: string, field: FindingField): string {
  return `${inputId}-${field}`;
}

export function FindingControl({ inputId, grade, finding, onChange, invalidFields }: Props) {
  const t = useText(CHECKLIST_TEXT);
  const fields = findingFieldsFor(grade);
  if (fields.length === 0) return null;
  const introId = `${inputId}-finding`;
  return (
    <div class="cl-finding" role="group" aria-labelledby={introId} data-testid={`${inputId}-finding`}>
      <p id={introId} class="cl-finding-intro">{grade === 'TG3' ? t('findingTG3') : t('findingTG2')}</p>
      {fields.map((f) => {
        const id = findingInputId(inputId, f);
        const hint = f === 'costEstimate' ? `${id}-hint` : undefined;
        return (
          <div class="ds-field" key={f}>
            <label class="ds-label" for={id}>
              {t(LABEL[f])}
              <span class="cl-required"> ({t('required')})</span>
            </label>
            {hint && <p id={hint} class="cl-help">{t('findingCostHint')}</p>}
            <TextControl
              inputId={id}
              name={id}
              value={finding?.[f]}
              onChange={(text) => onChange(f, text)}
              describedBy={hint}
              invalid={invalidFields.includes(f)}
              required
              maxLength={MAX[f]}
              multiline={false}
            />
          </div>
        );
      })}
    </div>
  );
}
