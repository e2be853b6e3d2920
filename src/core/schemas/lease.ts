/** Lease terms: open-ended, or fixed for a number of years (the reference report weighs "over 3 years / open-ended"). */
import { z } from 'zod';
import type { LocalText } from '../text';
import { bilingual } from './bilingual';
import { enumField, intField } from './fields';

/** Kinds of lease. */
export const LEASE_TYPES = ['openEnded', 'fixed'] as const;
/** A kind of lease. */
export type LeaseType = (typeof LEASE_TYPES)[number];

/** Lease kinds as people read them. */
export const LEASE_TYPE_LABELS: Record<LeaseType, LocalText> = {
  openEnded: { nb: 'Løpende (tidsubestemt)', en: 'Open-ended' },
  fixed: { nb: 'Tidsbestemt', en: 'Fixed term' },
};

/** Schema of a lease kind. */
export const leaseTypeSchema = enumField(LEASE_TYPES);
/** Years of a fixed lease (1–10). */
export const leaseYearsSchema = intField(1, 10, { nb: 'år', en: 'years' });

/** Adds the check that a fixed lease states its years, reported on `leaseYears`. */
export function checkLeaseYears(value: { leaseType: LeaseType; leaseYears?: number | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.leaseType === 'fixed' && (value.leaseYears === undefined || value.leaseYears === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['leaseYears'],
      message: bilingual('Oppgi antall år for en tidsbestemt kontrakt', 'State the years of a fixed-term lease'),
    });
  }
}
