/**
 * Administrators' account routes: list, create, change, set a temporary password, read an account's change log.
 * The first password and every password set here are temporary: the person must change them at log-in.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { accountChangeSchema } from '../../core/schemas/account';
import { newAccountServerSchema, newPasswordServerSchema } from './passwordPolicy';
import type { AppEnv, Deps } from '../env';
import { readJson } from '../http/readJson';
import { changeAccount, createAccount, findAccount, listAccounts, readAccountLog, setAccountPassword, userNotFound } from './accounts';
import { hashPassword } from './password';
import { bearerToken, requireUser } from './requireUser';

const uuid = z.uuid();

function idParam(raw: string): string {
  const r = uuid.safeParse(raw);
  if (!r.success) throw userNotFound();
  return r.data;
}

/** The account routes, mounted under /api; every one needs the administrator role. */
export function userRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { store } = deps;
  // On each route, not app.use('/users/*'): that would also guard /users/:id/units, which a person may read for themselves.
  const admin = requireUser('admin');

  app.get('/users', admin, async (c) => c.json({ users: await listAccounts(store) }));

  app.post('/users', admin, async (c) => {
    const { password, ...input } = await readJson(c, newAccountServerSchema);
    const passwordHash = await hashPassword(password);
    return c.json({ user: await createAccount(store, { ...input, passwordHash, mustChangePassword: true }, c.get('user').id, deps.now()) }, 201);
  });

  app.get('/users/:id', admin, async (c) => {
    const user = await findAccount(store, idParam(c.req.param('id')));
    if (!user) throw userNotFound();
    return c.json({ user });
  });

  app.patch('/users/:id', admin, async (c) => {
    const id = idParam(c.req.param('id'));
    const change = await readJson(c, accountChangeSchema);
    return c.json({ user: await changeAccount(store, c.get('user'), id, change, deps.now()) });
  });

  app.put('/users/:id/password', admin, async (c) => {
    const id = idParam(c.req.param('id'));
    const { password } = await readJson(c, newPasswordServerSchema);
    if (!(await findAccount(store, id))) throw userNotFound();
    await setAccountPassword(store, c.get('user').id, id, await hashPassword(password), deps.now(), bearerToken(c));
    return c.body(null, 204);
  });

  app.get('/users/:id/log', admin, async (c) => {
    const id = idParam(c.req.param('id'));
    if (!(await findAccount(store, id))) throw userNotFound();
    return c.json({ entries: await readAccountLog(store, id) });
  });

  return app;
}
