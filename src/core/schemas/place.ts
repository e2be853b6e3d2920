/** The area a dwelling belongs to, or a household would like to live in: an area id from the municipality's settings. */
import { areaIdSchema } from './settings';

/** Schema of an area id (records hold the id; the settings give its name). */
export const areaSchema = areaIdSchema;
