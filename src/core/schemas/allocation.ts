/** An allocation of a dwelling by the intake team: what the "children first" figure counts. */
import { z } from 'zod';
import { bilingual } from './bilingual';
import { dateField, intField, uuidField, yesNoField } from './fields';
import { checkLeaseYears, leaseTypeSchema, leaseYearsSchema } from './lease';

/** The `data` of an allocation record; the children figures are kept here so they need no access to the household. */
export const allocationSchema = z
  .strictObject({
    dwellingId: uuidField(),
    /** The household, when it is registered in Egnet. */
    householdId: uuidField().nullish(),
    /** ISO date of the allocation decision; its year is the year it counts in. */
    date: dateField(),
    householdHasChildren: yesNoField(),
    childrenCount: intField(0, 15),
    leaseType: leaseTypeSchema,
    leaseYears: leaseYearsSchema.nullish(),
    /**
     * The household did not live in a municipal dwelling when it applied (KOSTRA's "nyinnflyttet"): not a move between
     * municipal dwellings nor a renewed lease. Empty when not recorded.
     */
    newTenant: yesNoField().nullish(),
    /**
     * The main reason for the allocation is that the household are refugees (KOSTRA: the municipality receives the
     * integration grant for them, i.e. within five years of their first settlement). Asked only of a new tenant; read
     * by the administrator and the intake team only (server/sync/policy). Empty when not recorded.
     */
    refugee: yesNoField().nullish(),
  })
  .superRefine((a, ctx) => {
    checkLeaseYears(a, ctx);
    if (a.refugee != null && a.newTenant !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['refugee'],
        message: bilingual(
          'Svar på «flyktning» bare når husstanden er ny i kommunal bolig; svar «ja» på det først, eller la «flyktning» stå tomt',
          'Answer "refugees" only when the household is new to municipal housing; answer "yes" to that first, or leave "refugees" empty',
        ),
      });
    }
    if (a.householdHasChildren !== a.childrenCount > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['childrenCount'],
        message: bilingual(
          'Antall barn må være minst 1 når husstanden har barn, og 0 ellers',
          'The number of children must be at least 1 when the household has children, and 0 otherwise',
        ),
      });
    }
  });
/** An allocation's data. */
export type Allocation = z.infer<typeof allocationSchema>;
