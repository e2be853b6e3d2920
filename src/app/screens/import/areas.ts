/** The areas an imported row may name: the municipality's areas from its settings, by name or code, stored by id. */
import type { ImportArea } from '../../../core/import/registryImport';
import type { Settings } from '../../../core/schemas/settings';

/** Every area of the installation's settings; none before the municipality is set up. */
export function importAreas(settings: Settings | null | undefined): ImportArea[] {
  return (settings?.areas ?? []).map((a) => ({ value: a.id, name: a.name, ...(a.code ? { code: a.code } : {}) }));
}
