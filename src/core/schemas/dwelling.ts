/** A municipal rental dwelling in the registry: identity, size, lease terms and vacancy (the facts the rules read). */
import { z } from 'zod';
import type { LocalText } from '../text';
import { bilingual } from './bilingual';
import { dateField, enumField, fieldError, intField, numberField, textField, yesNoField } from './fields';
import { checkLeaseYears, leaseTypeSchema, leaseYearsSchema } from './lease';
import { areaSchema } from './place';

/** Kinds of dwelling. */
export const DWELLING_TYPES = ['detached', 'semiDetached', 'terraced', 'apartment', 'basementFlat'] as const;
/** A kind of dwelling. */
export type DwellingType = (typeof DWELLING_TYPES)[number];

/** Dwelling kinds as people read them. */
export const DWELLING_TYPE_LABELS: Record<DwellingType, LocalText> = {
  detached: { nb: 'Enebolig', en: 'Detached house' },
  semiDetached: { nb: 'Tomannsbolig', en: 'Semi-detached house' },
  terraced: { nb: 'Rekkehus', en: 'Terraced house' },
  apartment: { nb: 'Leilighet i blokk', en: 'Flat in a block' },
  basementFlat: { nb: 'Sokkelleilighet', en: 'Basement flat' },
};

/** The `data` of a dwelling record (its id is the record id). */
export const dwellingSchema = z
  .strictObject({
    /** Street address, fictional in demo data. */
    address: textField(200, true),
    /** Norwegian postcode, four digits. */
    postcode: z
      .string({ error: fieldError(bilingual('Postnummer må være fire sifre', 'Postcode must be four digits')) })
      .regex(/^\d{4}$/, { error: bilingual('Postnummer må være fire sifre', 'Postcode must be four digits') }),
    /** The Melhus area the dwelling belongs to. */
    area: areaSchema,
    /** Property id: gårdsnummer. */
    gnr: intField(1, 9999),
    /** Property id: bruksnummer. */
    bnr: intField(1, 9999),
    /** Section number (seksjonsnummer) of a flat in a sectioned building. */
    snr: intField(1, 999).nullish(),
    type: enumField(DWELLING_TYPES),
    /** Floor of the entrance, counted the Norwegian way: 1 is the ground floor, 0 a basement (sokkel/underetasje). */
    floor: intField(-2, 40),
    hasLift: yesNoField(),
    /** Usable floor area (BRA) in m². */
    areaM2: numberField(10, 1000, 'm²'),
    /** Rooms for living and sleeping, not kitchen or bathroom (as SSB counts for crowding). */
    rooms: intField(1, 20),
    /** Bedrooms approved by the building authority. */
    approvedBedrooms: intField(0, 10),
    /** The lease the municipality offers for this dwelling. */
    leaseType: leaseTypeSchema,
    /** Years of a fixed lease; empty when open-ended. */
    leaseYears: leaseYearsSchema.nullish(),
    vacant: yesNoField(),
    /** ISO date a let dwelling becomes vacant, when known. */
    vacantFrom: dateField().nullish(),
    notes: textField(5000).nullish(),
  })
  .superRefine((d, ctx) => {
    checkLeaseYears(d, ctx);
    if (d.approvedBedrooms > d.rooms) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvedBedrooms'],
        message: bilingual('Kan ikke ha flere godkjente soverom enn rom', 'Cannot have more approved bedrooms than rooms'),
      });
    }
  });
/** A dwelling's data. */
export type Dwelling = z.infer<typeof dwellingSchema>;
