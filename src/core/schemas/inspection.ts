/** A filled-in checklist of any kind (dwelling, neighbourhood, risk, home visit, Foyer), told apart by its template. */
import { z } from 'zod';
import { answerSchema, localTextSchema } from '../checklist/template';
import { bilingual } from './bilingual';
import { photoRefSchema } from '../sync/protocol';
import { dateTimeField, enumField, intField, textField, uuidField } from './fields';

/** Draft while being filled in; completed once `validateAnswers` found nothing missing. */
export const INSPECTION_STATUSES = ['draft', 'completed'] as const;
/** An inspection's status. */
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** A template item id (stable across template versions), the key of an answer. */
export const itemIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/, { error: bilingual('Ugyldig spørsmåls-ID', 'Invalid item id') });

/** An answer kept from an older template version whose item no longer exists: shown as "from the previous version". */
export const previousAnswerSchema = z.strictObject({
  /** The template version the answer was given in. */
  fromVersion: intField(1, 10000),
  /** The item's label in that version, so the answer stays readable without the old template. */
  label: localTextSchema,
  answer: answerSchema,
});
/** An answer kept from an older template version. */
export type PreviousAnswer = z.infer<typeof previousAnswerSchema>;

/** A drawn signature on a completed checklist: the image, who signed, when. */
export const checklistSignatureSchema = z.strictObject({
  photo: photoRefSchema,
  name: textField(200, true),
  signedAt: dateTimeField(),
});
/** A signature on a checklist. */
export type ChecklistSignature = z.infer<typeof checklistSignatureSchema>;

/** The `data` of an inspection record. Answers are a map so two people answering different items never conflict. */
export const inspectionSchema = z
  .strictObject({
    templateId: z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, { error: bilingual('Ugyldig mal-ID', 'Invalid template id') }),
    templateVersion: intField(1, 10000),
    /** The dwelling checked (templates A, B, C). */
    dwellingId: uuidField().nullish(),
    /** The household visited (template D). */
    householdId: uuidField().nullish(),
    /** The Foyer plan followed up (template E). */
    planId: uuidField().nullish(),
    status: enumField(INSPECTION_STATUSES),
    /** Answers keyed by item id; a draft may hold few (required answers are checked at completion). */
    answers: z.record(itemIdSchema, answerSchema),
    /** Answers from an older template version whose items no longer exist; never dropped. */
    previousAnswers: z.record(itemIdSchema, previousAnswerSchema).nullish(),
    startedAt: dateTimeField(),
    completedAt: dateTimeField().nullish(),
    /** The person filling it in: the inspector, or the counsellor for home visits and Foyer follow-ups. */
    inspectorId: uuidField(),
    /** The completed inspection this one corrects; the newest completed revision is the one that counts. */
    revisionOf: uuidField().nullish(),
    /** Signed at completion: the inspector always (a dwelling's checklist), the tenant when present and willing. */
    signatures: z
      .strictObject({ inspector: checklistSignatureSchema, tenant: checklistSignatureSchema.nullish() })
      .nullish(),
  })
  .superRefine((d, ctx) => {
    if (d.status === 'completed' && !d.completedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['completedAt'],
        message: bilingual('En fullført sjekkliste må ha tidspunkt for fullføring', 'A completed checklist needs the time it was completed'),
      });
    }
  });
/** An inspection's data. */
export type Inspection = z.infer<typeof inspectionSchema>;
