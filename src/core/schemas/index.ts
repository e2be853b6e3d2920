/** Every entity's schema by name: what the app validates with and the server parses each merged record with. */
import type { z } from 'zod';
import type { EntityName } from '../entities';
import { allocationSchema } from './allocation';
import { dwellingSchema } from './dwelling';
import { householdSchema } from './household';
import { inspectionSchema } from './inspection';
import { planSchema } from './plan';
import { settingsSchema } from './settings';
import { scheduledInspectionSchema } from './scheduledInspection';
import { poiSchema } from './poi';
import { taskSchema } from './task';
import { visitSchema } from './visit';

export type { Allocation } from './allocation';
export type { Dwelling } from './dwelling';
export type { Household } from './household';
export type { Inspection } from './inspection';
export type { Plan } from './plan';
export type { Settings } from './settings';
export type { ScheduledInspection } from './scheduledInspection';
export type { Poi } from './poi';
export type { Task } from './task';
export type { Visit } from './visit';

/** The schema of each entity's record `data` (the record's id, rev and timestamps are not part of it). */
export const entitySchemas: Record<EntityName, z.ZodType> = {
  dwelling: dwellingSchema,
  inspection: inspectionSchema,
  household: householdSchema,
  visit: visitSchema,
  task: taskSchema,
  allocation: allocationSchema,
  plan: planSchema,
  settings: settingsSchema,
  scheduledInspection: scheduledInspectionSchema,
  poi: poiSchema,
};

/** An entity's data together with its record id, as lists and computations take it. */
export type WithId<T> = T & { id: string };
