/**
 * Tablet and wider: the registry list beside the open dwelling, dwelling form or checklist, with a button that folds the
 * list away for the full width (remembered on the device). Phone: the open page alone, one column.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useText } from '../../i18n/language';
import { RegistryList } from './RegistryList';
import { DWELLING_TEXT } from './text';
import { useWide } from './useWide';
import './dwellings.css';

const HIDDEN_KEY = 'egnet.registryListHidden';

function rememberedHidden(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** Wraps a dwelling page, form or checklist; `selectedId` (a dwelling) is highlighted in the list. */
export function RegistryLayout({ selectedId, children }: { selectedId?: string; children: ComponentChildren }) {
  const t = useText(DWELLING_TEXT);
  const wide = useWide();
  const [hidden, setHidden] = useState(rememberedHidden);
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
        {hidden ? button : <>{button}<RegistryList compact selectedId={selectedId} /></>}
      </div>
      <div class="dw-detail">{children}</div>
    </div>
  );
}
