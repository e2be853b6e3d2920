/**
 * Innstillinger for kommunen (`/settings/municipality`, administrators): the municipality's name and number, its areas
 * and units, the rule set in force and the inspection intervals. Saved as the one settings record, on the device first.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { RULE_SETS } from '../../../core/rules/defaultRuleSet';
import { splitBilingual } from '../../../core/schemas/bilingual';
import type { Dwelling } from '../../../core/schemas/dwelling';
import {
  DEFAULT_INSPECTION_INTERVALS,
  defaultActionUnit,
  newAreaId,
  newUnitId,
  SETTINGS_ID,
  settingsSchema,
  type InspectionIntervals,
  type Settings,
} from '../../../core/schemas/settings';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { useLocal, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { loadSettings } from '../../store/useSettings';
import { useQuery } from '../../store/useQuery';
import { MUNICIPALITY_TEXT } from './municipalityText';

type Row = { id: string; name: string; extra: string };
type Form = {
  name: string;
  number: string;
  areas: Row[];
  units: Row[];
  /** The unit that owns inspection actions ('' until a unit is saved). */
  actionUnit: string;
  ruleSet: string;
  intervals: Record<keyof InspectionIntervals, string>;
};

const INTERVAL_KEYS = ['regularMonths', 'afterRedRiskMonths', 'afterOpenTg3Months'] as const;
const ruleSetKey = (r: { id: string; version: number }) => `${r.id}@${r.version}`;

function toForm(s: Settings | null, areaIdsInUse: readonly string[]): Form {
  const intervals = s?.inspectionIntervals ?? DEFAULT_INSPECTION_INTERVALS;
  return {
    name: s?.municipality.name ?? '',
    number: s?.municipality.number ?? '',
    // Without settings, the areas dwellings already name become the areas (their stored value is their id).
    areas: s ? s.areas.map((a) => ({ id: a.id, name: a.name, extra: a.code ?? '' })) : areaIdsInUse.map((id) => ({ id, name: id, extra: '' })),
    units: (s?.units ?? []).map((u) => ({ id: u.id, name: u.name, extra: u.nameEn ?? '' })),
    actionUnit: defaultActionUnit(s) ?? '',
    ruleSet: ruleSetKey(s?.ruleSet ?? RULE_SETS.at(-1)!),
    intervals: { regularMonths: String(intervals.regularMonths), afterRedRiskMonths: String(intervals.afterRedRiskMonths), afterOpenTg3Months: String(intervals.afterOpenTg3Months) },
  };
}

function fromForm(f: Form): unknown {
  const [id, version] = f.ruleSet.split('@');
  const whole = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : s.trim() === '' ? undefined : Number.NaN);
  return {
    municipality: { name: f.name.trim(), number: f.number.trim() },
    areas: f.areas.map((a) => ({ id: a.id, name: a.name.trim(), ...(a.extra.trim() ? { code: a.extra.trim() } : {}) })),
    units: f.units.map((u) => ({ id: u.id, name: u.name.trim(), ...(u.extra.trim() ? { nameEn: u.extra.trim() } : {}) })),
    ...(f.actionUnit ? { actionUnit: f.actionUnit } : {}),
    ruleSet: { id, version: Number(version) },
    inspectionIntervals: Object.fromEntries(INTERVAL_KEYS.map((k) => [k, whole(f.intervals[k])])),
  };
}

/** The input a schema path belongs to. */
function targetOf(path: readonly PropertyKey[]): string {
  const [a, b, c] = path.map(String);
  if (a === 'municipality') return `mun-${b ?? 'name'}`;
  if ((a === 'areas' || a === 'units') && b !== undefined) return `${a === 'areas' ? 'area' : 'unit'}-${b}-${c === 'code' || c === 'nameEn' ? 'extra' : 'name'}`;
  if (a === 'areas') return 'add-area';
  if (a === 'units') return 'add-unit';
  if (a === 'actionUnit') return 'mun-actionunit';
  if (a === 'inspectionIntervals') return `ival-${b ?? 'regularMonths'}`;
  return 'mun-ruleset';
}

/** The municipality settings screen. */
export default function MunicipalityScreen() {
  const t = useText(MUNICIPALITY_TEXT);
  const local = useLocal();
  const settings = useQuery(loadSettings, []);
  const dwellings = useQuery(() => repo<Dwelling>('dwelling').list(), []);
  const inUse = useMemo(() => {
    const counts = new Map<string, number>();
    for (const d of dwellings ?? []) counts.set(d.data.area, (counts.get(d.data.area) ?? 0) + 1);
    return counts;
  }, [dwellings]);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (form || settings === undefined || dwellings === undefined) return;
    setForm(toForm(settings, [...inUse.keys()].sort((a, b) => a.localeCompare(b, 'nb'))));
  }, [settings, dwellings, form, inUse]);

  if (!form) return <section class="screen"><h1 class="ds-heading" data-size="lg">{t('title')}</h1><p aria-busy="true">{t('loading')}</p></section>;

  const update = (next: Form, clear?: string) => {
    setForm(next);
    setStatus('idle');
    if (clear && errors[clear]) setErrors({ ...errors, [clear]: '' });
  };
  const setRow = (kind: 'areas' | 'units', i: number, patch: Partial<Row>, field: string) =>
    update({ ...form, [kind]: form[kind].map((r, j) => (j === i ? { ...r, ...patch } : r)) }, field);
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const addArea = () => {
    update({ ...form, areas: [...form.areas, { id: newAreaId(form.areas.map((a) => a.id)), name: '', extra: '' }] }, 'add-area');
    focusLater(`area-${form.areas.length}-name`);
  };
  const addUnit = () => {
    // The id comes from the name when saved; until then a placeholder that the name replaces.
    update({ ...form, units: [...form.units, { id: '', name: '', extra: '' }] }, 'add-unit');
    focusLater(`unit-${form.units.length}-name`);
  };
  const remove = (kind: 'areas' | 'units', i: number) => {
    const row = form[kind][i]!;
    const count = kind === 'areas' ? inUse.get(row.id) ?? 0 : 0;
    if (count > 0 && !window.confirm(t('removeInUse', { name: row.name || row.id, count: count === 1 ? t('areaInUseOne') : t('areaInUse', { count }) }))) return;
    const actionUnit = kind === 'units' && row.id === form.actionUnit ? '' : form.actionUnit;
    update({ ...form, [kind]: form[kind].filter((_, j) => j !== i), actionUnit });
    focusLater(kind === 'areas' ? 'add-area' : 'add-unit');
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    setAttempt((n) => n + 1);
    // New units get their id from their name now, once; a saved unit keeps its id whatever its name becomes.
    const taken = form.units.filter((u) => u.id).map((u) => u.id);
    const units = form.units.map((u) => {
      if (u.id) return u;
      const id = newUnitId(u.name, taken);
      taken.push(id);
      return { ...u, id };
    });
    const withIds = { ...form, units };
    const parsed = settingsSchema.safeParse(fromForm(withIds));
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const target = targetOf(issue.path);
        const text = splitBilingual(issue.message);
        found[target] ??= text ? local(text) : issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setStatus('saving');
    try {
      const store = repo<Settings>('settings');
      if (settings) {
        // Only the parts that changed: two administrators editing different parts do not conflict.
        const patch = Object.fromEntries(Object.entries(parsed.data).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(settings[k as keyof Settings])));
        if (Object.keys(patch).length) await store.put(SETTINGS_ID, patch as Partial<Settings>);
      } else {
        await store.create(parsed.data, SETTINGS_ID);
      }
      setForm(withIds);
      setStatus('saved');
    } catch (err) {
      const text = (err as { text?: { nb: string; en: string } }).text;
      setProblem(text ? local(text) : String(err));
      setStatus('idle');
    }
  };

  const summary = Object.entries(errors)
    .filter(([, m]) => m)
    .map(([targetId, message]) => ({ targetId, message: `${labelOf(targetId)}: ${message}` }));
  function labelOf(target: string): string {
    const m = /^(area|unit)-(\d+)-(name|extra)$/.exec(target);
    if (m) {
      const n = Number(m[2]) + 1;
      if (m[1] === 'area') return m[3] === 'name' ? t('areaName', { n }) : t('areaCode', { n });
      return m[3] === 'name' ? t('unitName', { n }) : t('unitNameEn', { n });
    }
    if (target === 'mun-name') return t('name');
    if (target === 'mun-number') return t('number');
    if (target === 'add-area') return t('areas');
    if (target === 'add-unit') return t('units');
    if (target === 'mun-actionunit') return t('actionUnit');
    if (target.startsWith('ival-')) return t(target.slice(5) as (typeof INTERVAL_KEYS)[number]);
    return t('ruleSet');
  }
  const input = (value: string, onInput: (v: string) => void, extra: Record<string, unknown> = {}) => (a11y: Record<string, unknown>) => (
    <input class="ds-input" type="text" value={value} onInput={(e) => onInput(e.currentTarget.value)} autoComplete="off" {...a11y} {...extra} />
  );

  return (
    <section class="screen municipality">
      <form onSubmit={save} noValidate>
        <h1 class="ds-heading" data-size="lg">{t('title')}</h1>
        <p class="ds-paragraph">{t('intro')}</p>
        {settings === null && <div class="ds-alert" data-color="info"><p>{t('notSetUp')}</p></div>}
        <ErrorSummary title={t('formErrors')} errors={summary} attempt={attempt} />

        <fieldset class="ds-fieldset settings-group">
          <legend class="ds-heading" data-size="sm">{t('municipality')}</legend>
          <FormField id="mun-name" label={t('name')} error={errors['mun-name']}>{input(form.name, (v) => update({ ...form, name: v }, 'mun-name'))}</FormField>
          <FormField id="mun-number" label={t('number')} hint={t('numberHint')} error={errors['mun-number']}>
            {input(form.number, (v) => update({ ...form, number: v }, 'mun-number'), { inputMode: 'numeric', maxLength: 4 })}
          </FormField>
        </fieldset>

        <fieldset class="ds-fieldset settings-group" aria-describedby="areas-hint">
          <legend class="ds-heading" data-size="sm">{t('areas')}</legend>
          <p class="form-hint" id="areas-hint">{t('areasHint')}</p>
          <ol class="muni-rows" data-testid="area-rows">
            {form.areas.map((a, i) => {
              const count = inUse.get(a.id) ?? 0;
              return (
                <li key={a.id} class="muni-row">
                  <FormField id={`area-${i}-name`} label={t('areaName', { n: i + 1 })} error={errors[`area-${i}-name`]}>
                    {input(a.name, (v) => setRow('areas', i, { name: v }, `area-${i}-name`))}
                  </FormField>
                  <FormField id={`area-${i}-extra`} label={t('areaCode', { n: i + 1 })} error={errors[`area-${i}-extra`]}>
                    {input(a.extra, (v) => setRow('areas', i, { extra: v }, `area-${i}-extra`), { maxLength: 20 })}
                  </FormField>
                  <div class="muni-row-end">
                    {count > 0 && <span class="form-hint">{count === 1 ? t('areaInUseOne') : t('areaInUse', { count })}</span>}
                    <button type="button" class="ds-button" data-variant="tertiary" onClick={() => remove('areas', i)}>{t('removeArea', { n: i + 1 })}</button>
                  </div>
                </li>
              );
            })}
          </ol>
          {errors['add-area'] && <p class="ds-validation-message">{errors['add-area']}</p>}
          <button type="button" id="add-area" class="ds-button" data-variant="secondary" onClick={addArea}>{t('addArea')}</button>
        </fieldset>

        <fieldset class="ds-fieldset settings-group" aria-describedby="units-hint">
          <legend class="ds-heading" data-size="sm">{t('units')}</legend>
          <p class="form-hint" id="units-hint">{t('unitsHint')}</p>
          <ol class="muni-rows" data-testid="unit-rows">
            {form.units.map((u, i) => (
              <li key={u.id || `new-${i}`} class="muni-row">
                <FormField id={`unit-${i}-name`} label={t('unitName', { n: i + 1 })} error={errors[`unit-${i}-name`]}>
                  {input(u.name, (v) => setRow('units', i, { name: v }, `unit-${i}-name`))}
                </FormField>
                <FormField id={`unit-${i}-extra`} label={t('unitNameEn', { n: i + 1 })} error={errors[`unit-${i}-extra`]}>
                  {input(u.extra, (v) => setRow('units', i, { extra: v }, `unit-${i}-extra`))}
                </FormField>
                <div class="muni-row-end">
                  <button type="button" class="ds-button" data-variant="tertiary" onClick={() => remove('units', i)}>{t('removeUnit', { n: i + 1 })}</button>
                </div>
              </li>
            ))}
          </ol>
          {errors['add-unit'] && <p class="ds-validation-message">{errors['add-unit']}</p>}
          <button type="button" id="add-unit" class="ds-button" data-variant="secondary" onClick={addUnit}>{t('addUnit')}</button>
          <FormField id="mun-actionunit" label={t('actionUnit')} hint={t('actionUnitHint')} error={errors['mun-actionunit']}>
            {(a11y) => (
              <select class="ds-input" value={form.actionUnit} onChange={(e) => update({ ...form, actionUnit: e.currentTarget.value }, 'mun-actionunit')} {...a11y}>
                {!form.actionUnit && <option value="">{t('actionUnitNone')}</option>}
                {form.units.filter((u) => u.id).map((u) => <option key={u.id} value={u.id}>{u.name || u.id}</option>)}
              </select>
            )}
          </FormField>
        </fieldset>

        <fieldset class="ds-fieldset settings-group">
          <legend class="ds-heading" data-size="sm">{t('intervals')}</legend>
          <FormField id="mun-ruleset" label={t('ruleSet')} hint={t('ruleSetHint')} error={errors['mun-ruleset']}>
            {(a11y) => (
              <select class="ds-input" value={form.ruleSet} onChange={(e) => update({ ...form, ruleSet: e.currentTarget.value })} {...a11y}>
                {RULE_SETS.map((r) => (
                  <option key={ruleSetKey(r)} value={ruleSetKey(r)}>
                    {r.version === 1 ? t('ruleSet1') : r.version === 2 ? t('ruleSet2') : local(r.title)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {INTERVAL_KEYS.map((k) => (
            <FormField key={k} id={`ival-${k}`} label={t(k)} error={errors[`ival-${k}`]}>
              {input(form.intervals[k], (v) => update({ ...form, intervals: { ...form.intervals, [k]: v } }, `ival-${k}`), { inputMode: 'numeric', maxLength: 3 })}
            </FormField>
          ))}
        </fieldset>

        {problem && <div class="ds-alert" data-color="danger" role="alert"><p>{problem}</p></div>}
        <p role="status" class="muni-status">{status === 'saved' ? t('saved') : ''}</p>
        <div class="form-actions">
          <button type="submit" class="ds-button" data-variant="primary" aria-busy={status === 'saving' || undefined}>
            {status === 'saving' ? t('saving') : t('save')}
          </button>
          <a class="ds-link" href="/settings">{t('back')}</a>
        </div>
      </form>
    </section>
  );
}
