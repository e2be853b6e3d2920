/** A household followed by the housing office: composition by birth years (never children's names), consent and needs. */
import { z } from 'zod';
import { photoRefSchema } from '../sync/protocol';
import type { LocalText } from '../text';
import { bilingual } from './bilingual';
import { dateField, dateTimeField, enumField, intField, textField, uuidField, yesNoField } from './fields';
import { ownerUnitSchema } from './ownerUnit';
import { areaSchema } from './place';

/** What a consent lets a unit see about the household. */
export const CONSENT_CATEGORIES = ['composition', 'housing', 'economy', 'health', 'children', 'visits', 'tasks'] as const;
/** One category of information covered by consent. */
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/** Consent categories as people read them. */
export const CONSENT_CATEGORY_LABELS: Record<ConsentCategory, LocalText> = {
  composition: { nb: 'Sammensetning av husstanden', en: 'Household composition' },
  housing: { nb: 'Bosituasjon og boligbehov', en: 'Housing situation and needs' },
  economy: { nb: 'Økonomi', en: 'Finances' },
  health: { nb: 'Helse', en: 'Health' },
  children: { nb: 'Barnas situasjon', en: "The children's situation" },
  visits: { nb: 'Funn fra hjemmebesøk', en: 'Home visit findings' },
  tasks: { nb: 'Avtalte oppgaver', en: 'Agreed tasks' },
};

/** How consent was signed: drawn on the device, or on paper (scanned as a photo). */
export const CONSENT_METHODS = ['drawn', 'paper'] as const;

/** Accessibility needs of the household. */
export const ACCESSIBILITY_NEEDS = ['none', 'stepFree', 'wheelchair'] as const;

const birthYear = intField(1900, 2100);

/** A signed consent: who, when, until when, which unit may see which categories, and whether it was withdrawn. */
export const consentSchema = z
  .strictObject({
    /** Who signed, by role (e.g. "mor", "verge"), not a full name. */
    givenBy: textField(100, true),
    givenAt: dateTimeField(),
    /** ISO date after which the consent no longer holds. */
    expiresAt: dateField(),
    /** Per unit, the categories it may see. */
    scope: z.record(ownerUnitSchema, z.array(enumField(CONSENT_CATEGORIES)).max(CONSENT_CATEGORIES.length)),
    method: enumField(CONSENT_METHODS),
    /** The drawn signature or the photo of the paper form. */
    signature: photoRefSchema.nullish(),
    withdrawnAt: dateTimeField().nullish(),
  })
  .superRefine((c, ctx) => {
    // Compared as text: both start with an ISO date, and a malformed one has its own issue already.
    if (/^\d{4}-\d{2}-\d{2}/.test(c.givenAt) && c.expiresAt < c.givenAt.slice(0, 10)) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: bilingual('Utløpsdatoen må være etter datoen samtykket ble gitt', 'The expiry date must be after the date consent was given'),
      });
    }
  });
/** A household's consent. */
export type Consent = z.infer<typeof consentSchema>;

/** The `data` of a household record. */
export const householdSchema = z.strictObject({
  /** An alias the team uses ("Familie Nord"), not a legal name. */
  displayName: textField(100, true),
  adults: intField(1, 10),
  /** Birth year of each child; ages are computed from these. */
  childBirthYears: z.array(birthYear).max(15, { error: bilingual('Høyst 15 barn', 'At most 15 children') }),
  /** Interpreter or language needs, e.g. "tolk: tigrinja". */
  languageNeeds: textField(200).nullish(),
  /** The dwelling the household lives in now, when it is a municipal one. */
  dwellingId: uuidField().nullish(),
  /** One of the handful of priority families ("satsningsfamilier") the units work with together. */
  priorityFamily: yesNoField(),
  /** Counsellors following the household; they and admins see its notes. */
  counsellorIds: z.array(uuidField()).max(10),
  consent: consentSchema.nullish(),
  needs: z.strictObject({
    accessibility: enumField(ACCESSIBILITY_NEEDS),
    preferredAreas: z.array(areaSchema).max(10),
    /** ISO date the household needs a dwelling by. */
    neededBy: dateField().nullish(),
  }),
  /** The counsellor's notes; only counsellors and admins may read them. */
  notes: textField(5000).nullish(),
});
/** A household's data. */
export type Household = z.infer<typeof householdSchema>;
