// The route table: unique paths, lazy screens, both languages on every nav label, real roles, and role filtering.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/core/entities';
import { ROUTES, mayOpen, type AppRoute } from '../../../src/app/routes';

describe('ROUTES', () => {
  it('has unique paths starting with /, home first and settings last in the navigation', () => {
    const paths = ROUTES.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p.startsWith('/')).toBe(true);
    const nav = ROUTES.filter((r) => r.nav).map((r) => r.path);
    expect(nav[0]).toBe('/');
    expect(nav.at(-1)).toBe('/settings');
  });

  it('labels every nav entry in Bokmål and English and names only known roles', () => {
    for (const r of ROUTES) {
      if (r.nav) {
        expect(r.nav.label.nb.trim(), r.path).not.toBe('');
        expect(r.nav.label.en.trim(), r.path).not.toBe('');
      }
      for (const role of r.roles ?? []) expect(ROLES).toContain(role);
      if (r.roles) expect(r.roles.length, `${r.path} has an empty role list`).toBeGreaterThan(0);
    }
  });

  it('loads every screen lazily (so the log-in route carries none of them)', () => {
    for (const r of ROUTES) {
      expect(typeof (r.component as unknown as { preload?: unknown }).preload, r.path).toBe('function');
    }
  });
});

describe('mayOpen', () => {
  const open: AppRoute = { path: '/a', component: () => null };
  const intakeOnly: AppRoute = { path: '/b', component: () => null, roles: ['intake', 'admin'] };

  it('lets everyone open a route without roles, and only the named roles open one with roles', () => {
    expect(mayOpen(open, ['counsellor'])).toBe(true);
    expect(mayOpen(intakeOnly, ['admin'])).toBe(true);
    expect(mayOpen(intakeOnly, ['inspector', 'intake'])).toBe(true);
    expect(mayOpen(intakeOnly, ['inspector'])).toBe(false);
    expect(mayOpen(intakeOnly, [])).toBe(false);
  });
});
