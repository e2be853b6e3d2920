/** The main navigation, built from the route table and the person's roles: a bottom bar on phones, a side bar wider. */
import { useLocation } from 'preact-iso';
import type { Role } from '../../core/entities';
import { useLocal, useText } from '../i18n/language';
import { ROUTES, mayOpen } from '../routes';
import { SHELL_TEXT } from './text';

function isCurrent(path: string, routePath: string): boolean {
  if (routePath === '/') return path === '/';
  return path === routePath || path.startsWith(`${routePath}/`);
}

/** Links to every screen in the route table that has a nav label and that the roles may open. */
export function Nav({ roles }: { roles: readonly Role[] }) {
  const t = useText(SHELL_TEXT);
  const local = useLocal();
  const { path } = useLocation();
  const items = ROUTES.filter((r) => r.nav && mayOpen(r, roles));
  return (
    <nav class="app-nav" aria-label={t('mainNav')}>
      <ul>
        {items.map((r) => (
          <li key={r.path}>
            <a href={r.path} aria-current={isCurrent(path, r.path) ? 'page' : undefined}>
              {local(r.nav!.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
