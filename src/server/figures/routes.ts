/**
 * `GET /api/figures`: the stock figures, their trend and the KOSTRA figures (of `?year=`, this year by default) for the
 * admin and intake roles, from the server's records.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { computeFigures } from '../../core/figures/computeFigures';
import { ruleSetFor } from '../../core/rules/defaultRuleSet';
import { kostraFigures } from '../../core/figures/kostraFigures';
import { trendFigures } from '../../core/figures/trendFigures';
import { norwegianDate } from '../../core/privacy/consentState';
import type { Allocation, Dwelling, Inspection, Task } from '../../core/schemas';
import { requireUser } from '../auth/requireUser';
import type { AppEnv, Deps } from '../env';
import { storedSettings } from '../sync/storedSettings';
import { readRecords } from './readRecords';
import { bilingual } from '../../core/schemas/bilingual';

function wholeNumber(name: string, max: number) {
  const error = bilingual(`${name} må være et heltall 1–${max}`, `${name} must be a whole number 1–${max}`);
  return z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error }).optional();
}

const yearError = bilingual('year må være et årstall 2000–2100', 'year must be a year 2000–2100');
const querySchema = z.strictObject(
  {
    quarters: wholeNumber('quarters', 40),
    maxAgeMonths: wholeNumber('maxAgeMonths', 240),
    year: z.coerce.number({ error: yearError }).int({ error: yearError }).min(2000, { error: yearError }).max(2100, { error: yearError }).optional(),
  },
  { error: bilingual('Kjente parametre: quarters, maxAgeMonths, year', 'Known parameters: quarters, maxAgeMonths, year') },
);

/** The figures route, mounted under /api. The same core functions compute the overview on the device. */
export function figuresRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/figures', requireUser('admin', 'intake'), async (c) => {
    const options = querySchema.parse(c.req.query());
    const user = c.get('user');
    const now = deps.now();
    // Read as this user's pull would hand them out, so the device that pulled everything computes the same figures.
    const input = {
      dwellings: await readRecords<Dwelling>(deps.store, user, 'dwelling', now),
      inspections: await readRecords<Inspection>(deps.store, user, 'inspection', now),
      allocations: await readRecords<Allocation>(deps.store, user, 'allocation', now),
      // Follow-up actions (tasks with a dwelling and no household) hold a verdict down as on the device.
      tasks: await readRecords<Task>(deps.store, user, 'task', now),
      // The rule set the stored settings put in force judges every dwelling, as on the devices that pulled them.
      ruleSet: ruleSetFor(await storedSettings(deps.store)),
    };
    // When each dwelling last changed, as pull hands it out: vacancy follows allocations made since (core/matching/vacancy).
    const changed = await deps.store.liveRecords(['dwelling']);
    const figures = computeFigures({ ...input, dwellingChangedAt: Object.fromEntries(changed.map((r) => [r.id, r.updatedAt])), today: norwegianDate(now) });
    const { year = Number(norwegianDate(now).slice(0, 4)), ...trendOptions } = options;
    const trend = trendFigures({ ...input, verdicts: figures.verdictsByDwelling }, norwegianDate(now), trendOptions);
    // Read through the same policy as above: the refugee answers reach the figure only for roles that may read them.
    const kostra = kostraFigures({ dwellings: input.dwellings, allocations: input.allocations, year, byVerdict: figures.byVerdict });
    return c.json({ ...figures, ...trend, kostra });
  });
  return app;
}
