/**
 * How often a dwelling is inspected, as data: the municipality's settings give the months (core/schemas/settings), and
 * this object adds what the settings do not hold yet, with the defaults; the rules (nextInspection.ts) read only this.
 */
import { DEFAULT_INSPECTION_INTERVALS as SETTING_DEFAULTS, type InspectionIntervals as SettingIntervals } from '../schemas/settings';

/** The intervals the next-inspection rules read. */
export type InspectionIntervals = SettingIntervals & {
  /** At every change of tenant: due this many days after the allocation date (0: by the day the new tenant gets it). */
  afterTenantChangeDays: number;
  /** "Due soon" is within this many days of the due date. */
  dueSoonDays: number;
  /** Severities of a follow-up action (core/schemas/task) that keep the dwelling on `afterOpenTg3Months` while open. */
  urgentSeverities: readonly string[];
};

/**
 * The defaults: the settings' defaults (yearly; six months after a red risk; three while a TG3 is open), due at every
 * change of tenant, "soon" within 30 days, and open TG3 or red actions counting as an open TG3.
 */
export const DEFAULT_INSPECTION_INTERVALS: Readonly<InspectionIntervals> = Object.freeze({
  ...SETTING_DEFAULTS,
  afterTenantChangeDays: 0,
  dueSoonDays: 30,
  urgentSeverities: Object.freeze(['TG3', 'red']),
});

/** The intervals with the municipality's months when its settings give them, the defaults otherwise. */
export function intervalsFrom(settings: { inspectionIntervals?: SettingIntervals } | null | undefined): InspectionIntervals {
  return settings?.inspectionIntervals ? { ...DEFAULT_INSPECTION_INTERVALS, ...settings.inspectionIntervals } : DEFAULT_INSPECTION_INTERVALS;
}
