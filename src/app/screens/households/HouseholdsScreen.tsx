/** The households on this device: the counsellor's own, all for administrators, the consented ones for the intake team. */
import { useMemo, useState } from 'preact/hooks';
import { foldForSearch } from '../../components/searchOptions';
import '../../components/forms.css';
import { useText } from '../../i18n/language';
import { getSession } from '../../session';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import { compositionText, consentStateOf, personsIn, seesAll, type HouseholdView } from './householdFacts';
import { HOUSEHOLD_TEXT } from './text';
import '../../components/layout.css';
import './households.css';

const STATE_COLOR = { none: 'neutral', valid: 'success', expired: 'warning', withdrawn: 'warning', notYetValid: 'info' } as const;

/** The list at `/households`. */
export default function HouseholdsScreen() {
  const t = useText(HOUSEHOLD_TEXT);
  const user = getSession()?.user;
  const roles = user?.roles ?? [];
  const households = useMemo(() => repo<HouseholdView>('household'), []);
  const list = useQuery(() => households.list(), []);
  const mayCreate = roles.includes('counsellor') || roles.includes('admin');
  const intro = roles.includes('admin') ? t('listIntroAdmin') : roles.includes('counsellor') ? t('listIntroCounsellor') : t('listIntroIntake');
  const now = new Date();
  const sorted = (list ?? []).slice().sort((a, b) => (a.data.displayName ?? '').localeCompare(b.data.displayName ?? '', 'nb'));
  const [query, setQuery] = useState('');
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const shown = words.length ? sorted.filter((r) => words.every((w) => foldForSearch(r.data.displayName ?? '').includes(w))) : sorted;

  return (
    <section class="hh-screen" aria-labelledby="households-title">
      <div class="titlebar">
        <h1 id="households-title" class="ds-heading" data-size="md">{t('listTitle')}</h1>
        {mayCreate && <a class="ds-button" data-variant="primary" href="/households/new">{t('newHousehold')}</a>}
      </div>
      <p class="ds-paragraph">{intro}</p>
      {list === undefined && <p aria-busy="true">{t('loading')}</p>}
      {list && sorted.length === 0 && <p class="ds-paragraph">{mayCreate ? t('empty') : t('emptyIntake')}</p>}
      {sorted.length > 0 && (
        <div class="ds-field form-field">
          <label class="ds-label" for="household-search">{t('listSearch')}</label>
          <p class="form-hint" id="household-search-hint">{t('listSearchHint')}</p>
          <input class="ds-input" type="search" id="household-search" autoComplete="off" aria-describedby="household-search-hint" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          <p class="form-hint" role="status" data-testid="household-count">
            {words.length === 0 ? '' : shown.length === 0 ? t('listNoMatch', { query: query.trim() }) : t('listShown', { shown: shown.length, total: sorted.length })}
          </p>
        </div>
      )}
      {shown.length > 0 && (
        <ul class="row-list" data-testid="household-list">
          {shown.map((r) => {
            const h: HouseholdView = r.data;
            const state = consentStateOf(h, now, seesAll(h, user));
            return (
              <li key={r.id} class="row-item">
                <a class="ds-link hh-item-name" href={`/households/${r.id}`}>{h.displayName ?? '–'}</a>
                <span class="hh-item-facts">
                  {personsIn(h) !== null && <span>{compositionText(t, h.adults!, h.childBirthYears!.length)}</span>}
                  {h.priorityFamily && <span class="ds-tag" data-color="accent">{t('priority')}</span>}
                  {state && <span class="ds-tag" data-color={STATE_COLOR[state]}>{t(`state_${state}`)}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
