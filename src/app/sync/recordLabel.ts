/**
 * A record named as a person knows it, with where it opens: "Boligbefaring: Multebærvegen 3", "Hjemmebesøk: Familie
 * Lønn". Read from the device database, following the links an inspection, visit or allocation has.
 */
import { getTemplate } from '../../core/checklist/templates';
import type { EntityName } from '../../core/entities';
import { formatDate } from '../../core/format/formatDate';
import type { Language, LocalText } from '../../core/text';
import type { EgnetDb, StoredRecord } from '../store/db';

/** Each kind of record in words. */
export const ENTITY_LABELS: Record<EntityName, LocalText> = {
  dwelling: { nb: 'Bolig', en: 'Dwelling' },
  inspection: { nb: 'Sjekkliste', en: 'Checklist' },
  household: { nb: 'Husstand', en: 'Household' },
  visit: { nb: 'Hjemmebesøk', en: 'Home visit' },
  task: { nb: 'Oppgave', en: 'Task' },
  allocation: { nb: 'Tildeling', en: 'Allocation' },
  plan: { nb: 'Foyer-plan', en: 'Foyer plan' },
  settings: { nb: 'Innstillinger for kommunen', en: 'Municipality settings' },
  scheduledInspection: { nb: 'Planlagt befaring', en: 'Scheduled inspection' },
  poi: { nb: 'Sted i nærmiljøet', en: 'Place nearby' },
};

/** What a record is called, and the screen it opens on (null when it has none of its own). */
export type RecordLabel = { text: LocalText; href: string | null };

type Data = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const both = (kind: LocalText, name: string | undefined): LocalText => (name ? { nb: `${kind.nb}: ${name}`, en: `${kind.en}: ${name}` } : kind);

/** The key of a record in the maps below. */
export const recordKey = (entity: string, id: string): string => `${entity}/${id}`;

/** Names the records (and the records they point to) in one or two reads. */
export async function labelRecords(db: EgnetDb, keys: readonly (readonly [EntityName, string])[]): Promise<Map<string, RecordLabel>> {
  const records = await db.records.bulkGet(keys.map(([e, i]) => [e, i]));
  const links = new Map<string, [EntityName, string]>();
  const link = (entity: EntityName, id: unknown) => typeof id === 'string' && id && links.set(recordKey(entity, id), [entity, id]);
  for (const r of records) {
    if (!r) continue;
    link('dwelling', r.data.dwellingId);
    link('household', r.data.householdId);
    link('plan', r.data.planId);
  }
  const linked = await db.records.bulkGet([...links.values()]);
  const byKey = new Map<string, StoredRecord>();
  for (const r of [...records, ...linked]) if (r) byKey.set(recordKey(r.entity, r.id), r);
  const data = (entity: EntityName, id: unknown): Data => (typeof id === 'string' ? byKey.get(recordKey(entity, id))?.data ?? {} : {});
  // A home visit's checklist opens on the visit's page: find the visit that points to it.
  const visitOf = new Map<string, string>();
  if (records.some((r) => r?.entity === 'inspection' && str(r.data.householdId))) {
    for (const v of await db.records.where('entity').equals('visit').toArray()) {
      const inspectionId = str(v.data.inspectionId);
      if (inspectionId) visitOf.set(inspectionId, v.id);
    }
  }

  const out = new Map<string, RecordLabel>();
  keys.forEach(([entity, id], i) => {
    const d: Data = records[i]?.data ?? {};
    const kind = ENTITY_LABELS[entity] ?? { nb: entity, en: entity };
    let label: RecordLabel;
    switch (entity) {
      case 'dwelling':
        label = { text: both(kind, str(d.address)), href: `/dwellings/${id}` };
        break;
      case 'household':
        label = { text: both(kind, str(d.displayName)), href: `/households/${id}` };
        break;
      case 'visit':
        label = { text: both(kind, str(data('household', d.householdId).displayName)), href: `/visits/${id}` };
        break;
      case 'task':
        label = { text: both(kind, str(d.title)), href: '/tasks' };
        break;
      case 'scheduledInspection':
        label = { text: both(kind, str(data('dwelling', d.dwellingId).address)), href: '/my-inspections' };
        break;
      case 'plan':
        label = { text: both(kind, str(d.youthAlias)), href: `/foyer/${id}` };
        break;
      case 'allocation':
      {
        const address = str(data('dwelling', d.dwellingId).address);
        const date = str(d.date);
        const name = (lang: Language) => [address, date && formatDate(date, lang)].filter(Boolean).join(', ');
        label = { text: address || date ? { nb: `${kind.nb}: ${name('nb')}`, en: `${kind.en}: ${name('en')}` } : kind, href: '/allocations' };
      }
        break;
      case 'inspection': {
        const template = typeof d.templateId === 'string' && typeof d.templateVersion === 'number' ? getTemplate(d.templateId, d.templateVersion) : undefined;
        const about = str(data('dwelling', d.dwellingId).address) ?? str(data('household', d.householdId).displayName) ?? str(data('plan', d.planId).youthAlias);
        const visit = visitOf.get(id);
        label = { text: both(template?.title ?? kind, about), href: visit ? `/visits/${visit}` : `/inspections/${id}` };
        break;
      }
      case 'settings':
        label = { text: kind, href: '/settings/municipality' };
        break;
      default:
        label = { text: kind, href: null };
    }
    out.set(recordKey(entity, id), label);
  });
  return out;
}
