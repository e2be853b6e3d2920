/** The dwelling registry: search, filters and the list. Full on its own page, compact (search only) beside a dwelling. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDate } from '../../../core/format/formatDate';
import { areaOptions, useAreaName, useSettings } from '../../store/useSettings';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { seesVerdicts } from '../../../core/privacy/verdictAccess';
import { getSession } from '../../session';
import { VERDICTS, VERDICT_LABELS } from '../../../core/rules/verdict';
import { EMPTY_FILTER, filterFromSearch, filterRegistry, filterToSearch, type RegistryFilter } from './registryFilter';
import { DWELLING_TEXT } from './text';
import { useRegistryRows } from './useRegistryRows';
import { VerdictTag } from './VerdictTag';
import './dwellings.css';

/** Rows drawn at first and per "show more": keeps the first render fast with thousands of dwellings. */
export const PAGE_SIZE = 100;
const INSPECTION_AGES = [6, 12, 24, 36] as const;
const FILTER_KEY = 'egnet.registryFilter';

function rememberedFilter(): RegistryFilter {
  try {
    return filterFromSearch(sessionStorage.getItem(FILTER_KEY) ?? '');
  } catch {
    return EMPTY_FILTER;
  }
}

/** The list. The full version keeps its filter in the address bar; the compact one reuses the last filter used. */
export function RegistryList({ compact = false, selectedId }: { compact?: boolean; selectedId?: string }) {
  const t = useText(DWELLING_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const settings = useSettings();
  const areaName = useAreaName();
  const { url, route } = useLocation();
  const { rows, fresh } = useRegistryRows();
  const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  const [filter, setFilter] = useState<RegistryFilter>(() => (compact ? rememberedFilter() : filterFromSearch(search)));
  const [shown, setShown] = useState(PAGE_SIZE);
  const roles = getSession()?.user.roles ?? [];
  const mayCreate = roles.includes('inspector') || roles.includes('admin');
  // Without the dwellings' checklists on the device every verdict would read "not assessed": none is shown instead.
  const showVerdicts = seesVerdicts(roles);

  useEffect(() => {
    if (!compact) setFilter(filterFromSearch(search));
  }, [search, compact]);

  const update = (patch: Partial<RegistryFilter>) => {
    const next = { ...filter, ...patch };
    setFilter(next);
    setShown(PAGE_SIZE);
    const qs = filterToSearch(next);
    try {
      sessionStorage.setItem(FILTER_KEY, qs);
    } catch {
      /* private mode: the compact list starts unfiltered */
    }
    if (!compact) route(`/dwellings${qs}`, true);
  };

  const visible = useMemo(() => (rows ? filterRegistry(rows, filter, new Date()) : []), [rows, filter]);
  // Beside an open dwelling: its line is scrolled into the list's view (only the list scrolls, not the page).
  const listRef = useRef<HTMLUListElement>(null);
  const hasRows = rows !== undefined;
  useEffect(() => {
    const list = listRef.current;
    const row = list?.querySelector<HTMLElement>('li[aria-current]');
    const scroller = list?.closest<HTMLElement>('.dw-side');
    if (!compact || !row || !scroller) return;
    const top = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    if (top < 0 || top + row.offsetHeight > scroller.clientHeight) scroller.scrollTop += top - scroller.clientHeight / 3;
  }, [compact, selectedId, hasRows]);
  const Heading = compact ? 'h2' : 'h1';
  const filtered = filterToSearch(filter) !== '';
  // Open at first when a filter is set (e.g. after a reload); after that the person opens and closes it.
  const [filtersOpenAtFirst] = useState(filtered);

  return (
    <section class={compact ? 'reg reg-compact' : 'reg'} aria-labelledby="registry-title">
      <div class="reg-head">
        <Heading id="registry-title" class="ds-heading" data-size={compact ? 'xs' : 'md'}>{t('registryTitle')}</Heading>
        {mayCreate && !compact && <a class="ds-button" data-variant="primary" href="/dwellings/new">{t('newDwelling')}</a>}
      </div>
      <div class="ds-field reg-search">
        <label class="ds-label" for={compact ? 'registry-search-compact' : 'registry-search'}>{t('search')}</label>
        {!compact && <p class="form-hint" id="registry-search-hint">{t('searchHint')}</p>}
        <input
          class="ds-input"
          type="search"
          id={compact ? 'registry-search-compact' : 'registry-search'}
          value={filter.query}
          autoComplete="off"
          aria-describedby={compact ? undefined : 'registry-search-hint'}
          onInput={(e) => update({ query: e.currentTarget.value })}
        />
      </div>
      {!compact && (
        <details class="reg-filters" open={filtersOpenAtFirst}>
          <summary>{t('filters')}</summary>
          <div class="reg-filter-grid">
            <Select id="f-verdict" label={t('verdict')} value={filter.verdict} onChange={(verdict) => update({ verdict })}
              options={[{ value: '', label: t('all') }, ...VERDICTS.map((v) => ({ value: v, label: local(VERDICT_LABELS[v]) }))]} />
            <Select id="f-area" label={t('area')} value={filter.area} onChange={(area) => update({ area })}
              options={[{ value: '', label: t('all') }, ...areaOptions(settings, [filter.area])]} />
            <Select id="f-bedrooms" label={t('minBedrooms')} value={filter.minBedrooms === null ? '' : String(filter.minBedrooms)}
              onChange={(v) => update({ minBedrooms: v === '' ? null : Number(v) })}
              options={[{ value: '', label: t('all') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))]} />
            <Select id="f-occupancy" label={t('occupancy')} value={filter.occupancy}
              onChange={(v) => update({ occupancy: v as RegistryFilter['occupancy'] })}
              options={[{ value: '', label: t('all') }, { value: 'vacant', label: t('vacant') }, { value: 'let', label: t('let') }]} />
            <Select id="f-inspection" label={t('needsInspection')} value={String(filter.needsInspection)}
              onChange={(v) => update({ needsInspection: v === '' || v === 'never' ? v : Number(v) })}
              options={[
                { value: '', label: t('all') },
                { value: 'never', label: t('neverInspected') },
                ...INSPECTION_AGES.map((n) => ({ value: String(n), label: t('olderThan', { n }) })),
              ]} />
          </div>
          {filtered && <button type="button" class="ds-button" data-variant="tertiary" onClick={() => update(EMPTY_FILTER)}>{t('clearFilters')}</button>}
        </details>
      )}
      {rows === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <>
          <p class="reg-count" role="status" data-testid="registry-count">{t('count', { shown: visible.length, total: rows.length })}</p>
          {rows.length === 0 && <p>{t('emptyRegistry')}</p>}
          {rows.length > 0 && visible.length === 0 && <p>{t('noMatches')}</p>}
          <ul class="reg-list" ref={listRef} data-testid="registry-list" data-fresh={fresh ? 'true' : undefined} aria-busy={!fresh || undefined}>
            {visible.slice(0, shown).map((r) => (
              <li key={r.id} class="reg-row" aria-current={r.id === selectedId ? 'true' : undefined}>
                <a class="reg-link" href={`/dwellings/${r.id}`} aria-current={r.id === selectedId ? 'page' : undefined}>
                  <span class="reg-address">{r.dwelling.address}</span>
                  <span class="reg-meta">
                    {areaName(r.dwelling.area)} · {r.dwelling.gnr}/{r.dwelling.bnr}
                    {!compact && <> · {t('bedroomsShort', { n: r.dwelling.approvedBedrooms })} · {r.dwelling.vacant ? t('vacant') : t('let')}</>}
                  </span>
                  {!compact && (
                    <span class="reg-meta">
                      {r.lastInspectedAt ? t('lastInspected', { when: formatDate(r.lastInspectedAt, lang) }) : t('notInspected')}
                    </span>
                  )}
                </a>
                {showVerdicts && <VerdictTag verdict={r.verdict} />}
              </li>
            ))}
          </ul>
          {visible.length > shown && (
            <button type="button" class="ds-button" data-variant="secondary" onClick={() => setShown(shown + PAGE_SIZE)}>
              {t('showMore', { n: Math.min(PAGE_SIZE, visible.length - shown) })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>{label}</label>
      <select class="ds-input" id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
