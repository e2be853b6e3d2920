/** The escape-window test of the fire regulations (DSB guidance): opening size, sill height and drop to the ground. */
import { defaultRuleSet } from './defaultRuleSet';
import type { Thresholds } from './ruleSet';

/** A window's free opening and position, in metres. */
export type EscapeWindow = { widthM: number; heightM: number; sillHeightM: number; dropToGroundM: number };

type WindowThresholds = Pick<
  Thresholds,
  'escapeWindowMinWidthM' | 'escapeWindowMinHeightM' | 'escapeWindowMinSumM' | 'escapeWindowMaxSillM' | 'escapeWindowMaxDropM'
>;

/** Which requirements a window misses (empty when it is a valid escape window). */
export function escapeWindowFaults(w: EscapeWindow, t: WindowThresholds = defaultRuleSet.thresholds): Array<'width' | 'height' | 'sum' | 'sill' | 'drop'> {
  const faults: Array<'width' | 'height' | 'sum' | 'sill' | 'drop'> = [];
  // Rounded to the millimetre so that 0.9 + 0.6 counts as the 1.5 m it is, not 1.4999999.
  const sum = Math.round((w.widthM + w.heightM) * 1000) / 1000;
  if (!(w.widthM >= t.escapeWindowMinWidthM)) faults.push('width');
  if (!(w.heightM >= t.escapeWindowMinHeightM)) faults.push('height');
  if (!(sum >= t.escapeWindowMinSumM)) faults.push('sum');
  if (!(w.sillHeightM <= t.escapeWindowMaxSillM)) faults.push('sill');
  if (!(w.dropToGroundM <= t.escapeWindowMaxDropM)) faults.push('drop');
  return faults;
}

/** True for a valid escape window: free width ≥ 0.5 m, height ≥ 0.6 m, width + height ≥ 1.5 m, sill ≤ 1.0 m, ≤ 5 m to the ground. */
export function escapeWindowOk(w: EscapeWindow, t: WindowThresholds = defaultRuleSet.thresholds): boolean {
  return escapeWindowFaults(w, t).length === 0;
}
