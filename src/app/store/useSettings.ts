/** The municipality's settings as this device has them (synced like any record), and the names they give ids. */
import { useCallback, useMemo } from 'preact/hooks';
import { ruleSetFor } from '../../core/rules/defaultRuleSet';
import type { RuleSet } from '../../core/rules/ruleSet';
import { areaName, readSettings, SETTINGS_ID, unitName, type Settings } from '../../core/schemas/settings';
import { useLanguage } from '../i18n/language';
import { repo } from './repo';
import { useQuery } from './useQuery';

/** Reads the settings from the device: null when there are none yet (or they do not pass the schema). */
export async function loadSettings(): Promise<Settings | null> {
  const record = await repo('settings').get(SETTINGS_ID);
  return record ? readSettings(record.data) : null;
}

/** The live settings: undefined while loading, null when the municipality is not set up yet. */
export function useSettings(): Settings | null | undefined {
  return useQuery(loadSettings, []);
}

/**
 * The rule set the live settings put in force, which judges every dwelling (core ruleSetFor: the default without
 * settings or for a version this app does not know); undefined while the settings are read, so no verdict is drawn
 * by a rule set that is not the one in force.
 */
export function useRuleSet(): RuleSet | undefined {
  const settings = useSettings();
  return useMemo(() => (settings === undefined ? undefined : ruleSetFor(settings)), [settings]);
}

/** The areas as select or checkbox options, in the settings' order; a stored id the settings lack stays an option. */
export function areaOptions(settings: Settings | null | undefined, keep: readonly string[] = []): { value: string; label: string }[] {
  const options = (settings?.areas ?? []).map((a) => ({ value: a.id, label: a.name }));
  for (const id of keep) if (id && !options.some((o) => o.value === id)) options.push({ value: id, label: id });
  return options;
}

/** A function from area id to name, following the live settings. */
export function useAreaName(): (id: string | null | undefined) => string {
  const settings = useSettings();
  return useCallback((id: string | null | undefined) => areaName(settings, id), [settings]);
}

/** The units as options (id and name in the person's language), in the settings' order. */
export function unitOptions(settings: Settings | null | undefined, lang: 'nb' | 'en', keep: readonly string[] = []): { value: string; label: string }[] {
  const options = (settings?.units ?? []).map((u) => ({ value: u.id, label: unitName(settings, u.id, lang) }));
  for (const id of keep) if (id && !options.some((o) => o.value === id)) options.push({ value: id, label: id });
  return options;
}

/** A function from unit id to name in the person's language, following the live settings. */
export function useUnitName(): (id: string) => string {
  const settings = useSettings();
  const lang = useLanguage();
  return useCallback((id: string) => unitName(settings, id, lang), [settings, lang]);
}
