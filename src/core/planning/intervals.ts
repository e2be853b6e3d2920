/**
 * How often a dwelling is inspected, as data: one object with the defaults, so a municipality's own settings can
 * replace it later without touching the rules that read it (nextInspection.ts).
 */

/** The intervals the next-inspection rules read. */
export type InspectionIntervals = {
  /** Every dwelling is inspected at least this often (months after the last completed inspection). */
  regularMonths: number;
  /** Sooner when the newest risk assessment has a red risk: this many months after it. */
  afterRedRiskMonths: number;
  /** Sooner while a TG3 finding (or a TG3/red follow-up action) is open: this many months after the inspection. */
  afterOpenTg3Months: number;
  /** At every change of tenant: due this many days after the allocation date (0: by the day the new tenant gets it). */
  afterTenantChangeDays: number;
  /** "Due soon" is within this many days of the due date. */
  dueSoonDays: number;
  /** Severities of a follow-up action (core/schemas/task) that keep the dwelling on `afterOpenTg3Months` while open. */
  urgentSeverities: readonly string[];
};

/** The defaults: yearly, three months after a red risk or an open TG3, and at each change of tenant. */
export const DEFAULT_INSPECTION_INTERVALS: Readonly<InspectionIntervals> = Object.freeze({
  regularMonths: 12,
  afterRedRiskMonths: 3,
  afterOpenTg3Months: 3,
  afterTenantChangeDays: 0,
  dueSoonDays: 30,
  urgentSeverities: Object.freeze(['TG3', 'red']),
});
