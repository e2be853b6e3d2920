/**
 * The household rules' look-ups answered from the server's records: the household or plan a record points to. The
 * rules are synchronous, so what they will ask for is loaded first, for a whole pull page or push batch in one query.
 */
import { linkedRecords, type HouseholdFacts, type Links, type PlanFacts } from '../../core/privacy/recordAccess';
import type { EntityName } from '../../core/entities';
import type { StoreTx } from '../store/store';

type Data = Record<string, unknown>;
const key = (entity: 'household' | 'plan', id: string) => `${entity}\u0000${id}`;

/**
 * Live (not deleted) households and plans as loaded by `load`, kept up to date by `put` when a push writes one. A
 * record never loaded counts as missing, which the rules treat as "not yours": loading too little refuses, never allows.
 */
export class LoadedLinks implements Links {
  private readonly known = new Map<string, Data | null>();

  constructor(private readonly store: StoreTx) {}

  household(id: string): HouseholdFacts | null {
    return (this.known.get(key('household', id)) ?? null) as HouseholdFacts | null;
  }

  plan(id: string): PlanFacts | null {
    return (this.known.get(key('plan', id)) ?? null) as PlanFacts | null;
  }

  /** Loads, in one query, the households and plans these records link to that are not loaded yet. */
  async load(records: Iterable<{ entity: EntityName; data: Data | null }>): Promise<void> {
    const wanted = new Map<string, { entity: 'household' | 'plan'; id: string }>();
    for (const r of records) {
      for (const link of linkedRecords(r.entity, r.data, null)) {
        if (link.to === 'dwelling') continue;
        const k = key(link.to, link.id);
        if (!this.known.has(k)) wanted.set(k, { entity: link.to, id: link.id });
      }
    }
    if (wanted.size === 0) return;
    for (const k of wanted.keys()) this.known.set(k, null);
    for (const r of await this.store.findRecords([...wanted.values()])) {
      if (!r.deleted) this.known.set(key(r.entity as 'household' | 'plan', r.id), r.data);
    }
  }

  /** A household or plan as just written in this transaction (null: deleted). */
  put(entity: EntityName, id: string, data: Data | null): void {
    if (entity === 'household' || entity === 'plan') this.known.set(key(entity, id), data);
  }
}
