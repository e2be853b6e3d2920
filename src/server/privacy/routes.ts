/** Household privacy routes: one household as the caller may see it, its access log, and the units a person sits for. */
import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_UNITS, unitIdSchema } from '../../core/schemas/settings';
import { changeAccount } from '../auth/accounts';
import { requireUser } from '../auth/requireUser';
import type { AppEnv, Deps } from '../env';
import { ApiError } from '../http/error';
import { readJson } from '../http/readJson';
import { policyContext, readView } from '../sync/policy';
import { logAccesses, readAudit } from './auditLog';
import { userUnits } from './units';
import { bilingual } from '../../core/schemas/bilingual';
import type { Role } from '../../core/entities';
import type { StoreTx } from '../store/store';

const uuid = z.uuid();
const auditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().min(1).optional(),
  })
  .strict();
const unitsSchema = z.object({ units: z.array(unitIdSchema).max(MAX_UNITS) }).strict();

function idParam(raw: string): string {
  const r = uuid.safeParse(raw);
  // Same answer as for a household the caller may not see: the API never confirms that an id exists.
  if (!r.success) throw notFound();
  return r.data;
}

function notFound(): ApiError {
  return new ApiError(404, 'not_found', bilingual('Fant ikke husstanden, eller du har ikke tilgang', 'Household not found, or you have no access'));
}

/** The accounts not disabled that have `role`, as id and name, by name. */
async function activeWith(store: StoreTx, role: Role): Promise<{ id: string; name: string }[]> {
  const rows = (await store.users()).filter((r) => !r.disabled && r.roles.includes(role));
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((r) => ({ id: r.id, name: r.name }));
}

/** The privacy routes, mounted under /api. */
export function privacyRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // One household, only the fields the caller may see; 404 alike for "no such household" and "not yours". Logged.
  app.get('/households/:id', requireUser(), async (c) => {
    const id = idParam(c.req.param('id'));
    const user = c.get('user');
    const now = deps.now();
    const row = (await deps.store.findRecords([{ entity: 'household', id }])).find((r) => !r.deleted);
    const view = row ? readView(user, 'household', { data: row.data }, await policyContext(deps.store, user, now)) : null;
    if (!row || !view) throw notFound();
    await logAccesses(deps.store, [{ at: now.toISOString(), userId: user.id, action: 'read', via: 'api', entity: 'household', recordId: id, data: view, fields: Object.keys(view) }]);
    return c.json({ id, rev: row.rev, data: view });
  });

  // The access log of a household or a Foyer plan, newest first; `before` pages back. Administrators only.
  for (const [path, type] of [['/households/:id/audit', 'household'], ['/plans/:id/audit', 'plan']] as const) {
    app.get(path, requireUser('admin'), async (c) => {
      const id = idParam(c.req.param('id'));
      const q = auditQuerySchema.parse(c.req.query());
      const entries = await readAudit(deps.store, { type, id }, q.limit, q.before);
      return c.json({ entries, before: entries.length === q.limit ? entries.at(-1)!.seq : null });
    });
  }

  // Who can follow a household: the names counsellors and administrators pick from when assigning or handing over.
  app.get('/counsellors', requireUser('counsellor', 'admin'), async (c) => c.json({ counsellors: await activeWith(deps.store, 'counsellor') }));

  // Who can be given an inspection: the names administrators and inspectors pick from when planning or reassigning.
  app.get('/inspectors', requireUser('inspector', 'admin'), async (c) => c.json({ inspectors: await activeWith(deps.store, 'inspector') }));

  // A person's units: an administrator sees and sets anyone's; everyone may see their own.
  app.get('/users/:id/units', requireUser(), async (c) => {
    const id = c.req.param('id');
    const user = c.get('user');
    if (id !== user.id && !user.roles.includes('admin')) {
      throw new ApiError(403, 'forbidden', bilingual('Du har ikke tilgang til dette', 'You do not have access to this'));
    }
    return c.json({ units: await userUnits(deps.store, id) });
  });

  // Through the account change, so it is logged and the person's devices get what they now may (or may not) see.
  app.put('/users/:id/units', requireUser('admin'), async (c) => {
    const body = await readJson(c, unitsSchema);
    const user = await changeAccount(deps.store, c.get('user'), c.req.param('id'), { units: body.units }, deps.now());
    return c.json({ units: user.units });
  });

  return app;
}
