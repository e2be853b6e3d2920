/**
 * Likelihood × consequence as the 5×5 matrix with its colour band, plus the measure, its owner, its deadline and the
 * score after it (all four required on a red risk).
 */
import { isRedRisk, type RedRiskField } from '../../../../core/checklist/followUp';
import type { RiskValue } from '../../../../core/checklist/template';
import { RISK_BAND_LABELS, riskBand } from '../../../../core/rules/risk';
import { useLocal, useText } from '../../../i18n/language';
import { CHECKLIST_TEXT } from '../text';
import { DateControl } from './DateControl';
import { TextControl } from './TextControl';
import type { ControlProps } from './ControlProps';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The id of one follow-up field (the score after the measure: its likelihood), for labels and the error summary. */
export function riskInputId(inputId: string, field: RedRiskField): string {
  return field === 'after' ? `${inputId}-l-after` : `${inputId}-${field}`;
}

/**
 * The matrix is one radio group of 25 cells (likelihood rows from 5 at the top, consequence columns from 1 at the
 * left, as the risk matrices people know are drawn). Each cell's name says both levels, the score and the band, so
 * the colour is never the only carrier of meaning.
 */
export function RiskControl(props: ControlProps<RiskValue> & { invalidFields: readonly string[] }) {
  const t = useText(CHECKLIST_TEXT);
  const local = useLocal();
  const { inputId, name, value, onChange, invalid, required, invalidFields } = props;
  const set = (patch: Partial<RiskValue>) => {
    const base = value ?? { likelihood: 0, consequence: 0 };
    const next = { ...base, ...patch };
    if (next.likelihood >= 1 && next.consequence >= 1) onChange(next);
  };
  const bandText = (score: number) => local(RISK_BAND_LABELS[riskBand(score)]);
  const score = value ? value.likelihood * value.consequence : null;
  const after = value?.likelihoodAfter && value.consequenceAfter ? value.likelihoodAfter * value.consequenceAfter : null;
  const red = isRedRisk(value);
  const mark = red ? <span class="cl-required"> ({t('required')})</span> : null;
  const needsId = `${inputId}-needs`;
  return (
    <div class="cl-risk">
      <div class="cl-risk-matrix">
        <span class="cl-risk-axis cl-risk-axis-y" aria-hidden="true">{t('likelihood')} →</span>
        <div class="cl-risk-grid">
          {[...LEVELS].reverse().map((l) =>
            LEVELS.map((c) => {
              const s = l * c;
              const first = l === 5 && c === 1;
              return (
                <label key={`${l}-${c}`} class="cl-risk-cell" data-band={riskBand(s)}>
                  <input
                    class="cl-risk-input"
                    type="radio"
                    id={first ? inputId : undefined}
                    name={name}
                    value={`${l}x${c}`}
                    checked={value?.likelihood === l && value.consequence === c}
                    aria-label={t('riskCell', { l, c, score: s, band: bandText(s) })}
                    aria-invalid={invalid || undefined}
                    required={required && first}
                    onChange={() => set({ likelihood: l, consequence: c })}
                  />
                  <span aria-hidden="true">{s}</span>
                </label>
              );
            }),
          )}
        </div>
        <span class="cl-risk-axis cl-risk-axis-x" aria-hidden="true">{t('consequence')} →</span>
      </div>
      <p class="cl-risk-result" data-band={score ? riskBand(score) : undefined}>
        {score ? t('riskChosen', { score, band: bandText(score) }) : t('notChosen')}
      </p>
      {value && (
        <div class="cl-risk-followup" data-red={red ? 'true' : undefined}>
          {red && <p id={needsId} class="cl-risk-needs">{t('riskRedNeeds')}</p>}
          <div class="ds-field">
            <label class="ds-label" for={riskInputId(inputId, 'measure')}>{t('riskMeasure')}{mark}</label>
            <TextControl
              inputId={riskInputId(inputId, 'measure')}
              name={`${name}-measure`}
              value={value.measure}
              onChange={(measure) => set({ measure })}
              describedBy={red ? needsId : undefined}
              invalid={invalidFields.includes('measure')}
              required={red}
              maxLength={2000}
              multiline
            />
          </div>
          <div class="ds-field">
            <label class="ds-label" for={riskInputId(inputId, 'owner')}>{t('riskOwner')}{mark}</label>
            <TextControl
              inputId={riskInputId(inputId, 'owner')}
              name={`${name}-owner`}
              value={value.owner}
              onChange={(owner) => set({ owner })}
              invalid={invalidFields.includes('owner')}
              required={red}
              maxLength={200}
              multiline={false}
            />
          </div>
          <div class="ds-field">
            <label class="ds-label" for={riskInputId(inputId, 'deadline')}>{t('riskDeadline')}{mark}</label>
            <DateControl
              inputId={riskInputId(inputId, 'deadline')}
              name={`${name}-deadline`}
              value={value.deadline}
              onChange={(deadline) => set({ deadline })}
              invalid={invalidFields.includes('deadline')}
              required={red}
            />
          </div>
          <fieldset class="ds-fieldset cl-risk-after">
            <legend class="ds-label">{t('riskAfter')}{mark}</legend>
            <div class="cl-risk-selects">
              <LevelSelect id={riskInputId(inputId, 'after')} label={t('likelihood')} value={value.likelihoodAfter} invalid={invalidFields.includes('after') && !value.likelihoodAfter} onChange={(likelihoodAfter) => set({ likelihoodAfter })} />
              <LevelSelect id={`${inputId}-c-after`} label={t('consequence')} value={value.consequenceAfter} invalid={invalidFields.includes('after') && !value.consequenceAfter} onChange={(consequenceAfter) => set({ consequenceAfter })} />
            </div>
            {after && <p class="cl-risk-result" data-band={riskBand(after)}>{t('riskChosen', { score: after, band: bandText(after) })}</p>}
          </fieldset>
        </div>
      )}
    </div>
  );
}

function LevelSelect({ id, label, value, invalid, onChange }: { id: string; label: string; value?: number; invalid: boolean; onChange: (v: number | undefined) => void }) {
  const t = useText(CHECKLIST_TEXT);
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>{label}</label>
      <select class="ds-input" id={id} value={value ?? ''} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)}>
        <option value="">{t('notChosen')}</option>
        {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
      </select>
    </div>
  );
}
