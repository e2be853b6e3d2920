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
  })
  .superRefine((a, ctx) => {
    checkLeaseYears(a, ctx);
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
