/** The municipal units that share the work with families: owners of tasks and parties to a consent, by id. */
import { unitIdSchema } from './settings';

/** A unit's id; the municipality's settings list the units and give their names, so a rename touches no record. */
export type OwnerUnit = string;

/** Schema of a unit id (whether the settings list it is checked by the server when a record is written). */
export const ownerUnitSchema = unitIdSchema;
