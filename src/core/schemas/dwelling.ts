/** A municipal rental dwelling in the registry: identity, size, lease terms and vacancy (the facts the rules read). */
import { z } from 'zod';
import type { LocalText } from '../text';
import { bilingual } from './bilingual';
import { dateField, enumField, fieldError, intField, numberField, textField, uuidField, yesNoField } from './fields';
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

/**
 * How the municipality disposes of a dwelling, as KOSTRA (SSB's form 13, "Kommunale boliger") counts it: it owns and
 * lets it, it rents it from another owner and sublets it, or a private owner keeps it and the municipality decides who
 * may rent it ("privat eide boliger med kommunal disposisjonsrett"). See docs/kostra.md.
 */
export const OWNERSHIPS = ['owned', 'rentedIn', 'privateAllocationRight'] as const;
/** A kind of ownership. */
export type Ownership = (typeof OWNERSHIPS)[number];

/** Ownership as people read it. */
export const OWNERSHIP_LABELS: Record<Ownership, LocalText> = {
  owned: { nb: 'Kommunalt eid', en: 'Owned by the municipality' },
  rentedIn: { nb: 'Innleid fra private', en: 'Rented in from a private owner' },
  privateAllocationRight: { nb: 'Privat eid, kommunen har tildelingsrett', en: 'Privately owned, the municipality allocates it' },
};

/** A dwelling unit number (bruksenhetsnummer) as the cadastre writes it: H, K, U or L and four digits, e.g. H0102. */
export const UNIT_NUMBER_PATTERN = /^[HKUL]\d{4}$/;

/** A point in WGS 84 degrees within mainland Norway's bounding box (with a margin). */
export const locationSchema = z.strictObject({
  lat: numberField(57, 72, '°'),
  lon: numberField(4, 32, '°'),
});
/** A dwelling's position. */
export type Location = z.infer<typeof locationSchema>;

/** The `data` of a dwelling record (its id is the record id). */
export const dwellingSchema = z
  .strictObject({
    /** Street address, fictional in demo data. */
    address: textField(200, true),
    /** Norwegian postcode, four digits. */
    postcode: z
      .string({ error: fieldError(bilingual('Postnummer må være fire sifre', 'Postcode must be four digits')) })
      .regex(/^\d{4}$/, { error: bilingual('Postnummer må være fire sifre', 'Postcode must be four digits') }),
    /** The id of the area the dwelling belongs to (the municipality's settings name it). */
    area: areaSchema,
    /** Property id: gårdsnummer. */
    gnr: intField(1, 9999),
    /** Property id: bruksnummer. */
    bnr: intField(1, 9999),
    /** Section number (seksjonsnummer) of a flat in a sectioned building. */
    snr: intField(1, 999).nullish(),
    /** Dwelling unit number (bruksenhetsnummer) in the cadastre, e.g. H0102; with the address it names one flat. */
    unitNumber: z
      .string()
      .regex(UNIT_NUMBER_PATTERN, { error: bilingual('Bruksenhetsnummer skrives som H0102', 'A unit number is written like H0102') })
      .nullish(),
    /** Where the entrance is, when known (from the cadastre's address export). */
    location: locationSchema.nullish(),
    /** Owned by the municipality, rented in, or privately owned with the right to allocate (KOSTRA); empty when not recorded. */
    ownership: enumField(OWNERSHIPS).nullish(),
    /**
     * Accessible for wheelchair users as KOSTRA counts it: a wheelchair user can on their own reach the dwelling, get in
     * and use the necessary rooms. Empty when not recorded.
     */
    wheelchairAccessible: yesNoField().nullish(),
    /** The registry import that created the dwelling, so that import can be undone as a whole. */
    importId: uuidField().nullish(),
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
