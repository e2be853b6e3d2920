/** Verdicts remembered per dwelling with the fingerprint they were computed from, so only changed dwellings are reassessed. */
import type { Verdict } from '../../../core/rules/verdict';

/**
 * After a sync changes a few records, the figures need a new verdict only for the dwellings whose record or
 * checklists changed; the rest are taken from here. Holds verdicts only, never personal data.
 */
export class VerdictMemo {
  private byDwelling = new Map<string, { stamp: string; verdict: Verdict }>();

  /** The remembered verdicts whose dwelling still has the same fingerprint. */
  known(stamps: ReadonlyMap<string, string>): Record<string, Verdict> {
    const out: Record<string, Verdict> = {};
    for (const [id, stamp] of stamps) {
      const hit = this.byDwelling.get(id);
      if (hit && hit.stamp === stamp) out[id] = hit.verdict;
    }
    return out;
  }

  /** Replaces what is remembered with these verdicts (dwellings no longer present are forgotten). */
  remember(stamps: ReadonlyMap<string, string>, verdicts: Readonly<Record<string, Verdict>>): void {
    const next = new Map<string, { stamp: string; verdict: Verdict }>();
    for (const [id, stamp] of stamps) {
      const verdict = verdicts[id];
      if (verdict) next.set(id, { stamp, verdict });
    }
    this.byDwelling = next;
  }
}
