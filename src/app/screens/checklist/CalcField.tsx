/** A calculated value: shown read-only, worked out again from the answers on every change, never typed. */
import { formatNumber } from '../../../core/format/formatNumber';
import { UNIT_TEXT } from '../../../core/checklist/unitText';
import type { Item } from '../../../core/checklist/template';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { itemInputId } from './ItemField';
import { CHECKLIST_TEXT } from './text';

type Props = { item: Extract<Item, { kind: 'calc' }>; value: number | undefined; domId?: string };

/** The value in an <output>, with its label and a line saying it cannot be typed. */
export function CalcField({ item, value, domId }: Props) {
  const t = useText(CHECKLIST_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const id = domId ?? itemInputId(item.id);
  const unit = UNIT_TEXT[item.unit][lang];
  return (
    <div class="cl-item cl-calc" id={`${id}-box`} data-item={item.id} data-kind="calc">
      <p class="ds-label cl-label" id={`${id}-label`}>{local(item.label)}</p>
      <output id={id} class="cl-calc-value" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`} data-testid={`calc-${item.id}`}>
        {value === undefined ? t('calcEmpty') : `${formatNumber(value, lang)}${unit ? ` ${unit}` : ''}`}
      </output>
      <p class="cl-help" id={`${id}-hint`}>{t('calcHint')}</p>
    </div>
  );
}
