/**
 * Tablet and wider: the registry list beside the open dwelling, dwelling form or dwelling checklist, with a button that
 * folds the list away for the full width (remembered on the device). Phone, a household's checklist (a home visit, a
 * Foyer follow-up) or a person who does not see dwellings' verdicts: the open page alone, one column.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { seesVerdicts } from '../../../core/privacy/verdictAccess';
import { useText } from '../../i18n/language';
import { getSession } from '../../session';
import { useWhenIdle } from '../../shell/useWhenIdle';
import { RegistryList } from './RegistryList';
import { DWELLING_TEXT } from './text';
import { useWide } from './useWide';
import './dwellings.css';

const HIDDEN_KEY = 'egnet.registryListHidden';
/** How long the open page has to itself before the list beside it is drawn. */
const LIST_DELAY_MS = 400;

function rememberedHidden(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Wraps a dwelling page, form or checklist; `selectedId` (a dwelling) is highlighted in the list. `list={false}` keeps
 * the page alone where the registry does not belong.
 */
export function RegistryLayout({ selectedId, list: belongs = true, children }: { selectedId?: string; list?: boolean; children: ComponentChildren }) {
  const t = useText(DWELLING_TEXT);
  // The list is the inspectors' and the intake team's tool: to anyone else every dwelling would look unassessed.
  const wide = useWide() && belongs && seesVerdicts(getSession()?.user.roles ?? []);
  const [hidden, setHidden] = useState(rememberedHidden);
  // The same element while the selection stands: the page beside it redraws on every answer saved, the list need not.
  const list = useMemo(() => <RegistryList compact selectedId={selectedId} />, [selectedId]);
  // The page the person opened comes first (its own reads and its verdict): the list of thousands of dwellings follows
  // a moment later, once the browser is idle.
  const listDue = useWhenIdle(LIST_DELAY_MS, wide && !hidden);
  if (!wide) return <div class="dw-single">{children}</div>;

  const toggle = () => {
    const next = !hidden;
    setHidden(next);
    try {
      localStorage.setItem(HIDDEN_KEY, next ? '1' : '0');
    } catch {
      /* private mode: the choice lasts until the page is left */
    }
    // The button moves between the columns: keep the keyboard where it was.
    requestAnimationFrame(() => document.getElementById('registry-toggle')?.focus());
  };
  const button = (
    <button type="button" id="registry-toggle" class="ds-button dw-list-toggle" data-variant="tertiary" aria-controls="registry-side" aria-expanded={!hidden} onClick={toggle}>
      {hidden ? t('showList') : t('hideList')}
    </button>
  );
  return (
    <div class="dw-split" data-list={hidden ? 'hidden' : 'shown'}>
      <div class="dw-side" id="registry-side">
        {hidden ? button : <>{button}{listDue ? list : <p aria-busy="true">{t('loadingList')}</p>}</>}
      </div>
      <div class="dw-detail">{children}</div>
    </div>
  );
}
