/** The main navigation, built from the route table and the person's roles: a bottom bar on phones, a side bar wider. */
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Role } from '../../core/entities';
import { useLocal, useText } from '../i18n/language';
import { ROUTES, mayOpen, type AppRoute } from '../routes';
import { splitNav } from './splitNav';
import { SHELL_TEXT } from './text';

function isCurrent(path: string, routePath: string): boolean {
  if (routePath === '/') return path === '/';
  return path === routePath || path.startsWith(`${routePath}/`);
}

const MENU_ID = 'app-nav-more-menu';

/**
 * Links to every screen in the route table that has a nav label and that the roles may open. One list serves both
 * sizes: on a phone the entries that do not fit the bottom bar are hidden there and listed in the "Mer" menu instead.
 */
export function Nav({ roles }: { roles: readonly Role[] }) {
  const t = useText(SHELL_TEXT);
  const local = useLocal();
  const { path } = useLocation();
  // The menu is open on the page where it was opened: a chosen page closes it as it is drawn. (An effect on the path
  // ran after the next frame, and on a slow device a quick tap on "Mer" right after moving on was closed by it.)
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  const setOpen = (value: boolean) => setOpenOn(value ? path : null);
  const moreItem = useRef<HTMLLIElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const items = ROUTES.filter((r) => r.nav && mayOpen(r, roles));
  const { more } = splitNav(
    items.map((r) => r.path),
    roles,
  );
  const inMenu = items.filter((r) => more.includes(r.path));
  const currentInMenu = inMenu.find((r) => isCurrent(path, r.path));

  // The router moves focus to a chosen page's heading.

  const closeAndReturn = () => {
    setOpen(false);
    moreButton.current?.focus();
  };

  const link = (r: AppRoute) => (
    <a href={r.path} aria-current={isCurrent(path, r.path) ? 'page' : undefined}>
      {local(r.nav!.label)}
    </a>
  );

  return (
    <nav class="app-nav" aria-label={t('mainNav')}>
      <ul>
        {items.map((r) => (
          <li key={r.path} class={more.includes(r.path) ? 'app-nav-overflow' : undefined}>
            {link(r)}
          </li>
        ))}
        {inMenu.length > 0 && (
          <li
            class="app-nav-more"
            ref={moreItem}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && open) {
                e.preventDefault();
                closeAndReturn();
              }
            }}
            onFocusOut={(e) => {
              // Tabbing past the last entry leaves the menu: it closes behind the person.
              const next = e.relatedTarget as Node | null;
              if (next && !moreItem.current?.contains(next)) setOpen(false);
            }}
          >
            <button
              type="button"
              ref={moreButton}
              aria-expanded={open}
              aria-controls={MENU_ID}
              data-current={currentInMenu ? 'true' : undefined}
              data-testid="nav-more"
              onClick={() => setOpen(!open)}
            >
              <span aria-hidden="true" class="app-nav-more-icon">
                {open ? '✕' : '⋯'}
              </span>
              {t('more')}
              {currentInMenu && <span class="ds-sr-only">{t('moreCurrent', { page: local(currentInMenu.nav!.label) })}</span>}
            </button>
            {/* Dims the page and takes the tap that closes the menu, so the tap does not also open what lies beneath. */}
            {open && <div class="app-nav-backdrop" aria-hidden="true" onClick={() => setOpen(false)} />}
            <div id={MENU_ID} class="app-nav-menu" hidden={!open}>
              <ul aria-label={t('moreMenu')}>
                {inMenu.map((r) => (
                  <li key={r.path}>{link(r)}</li>
                ))}
              </ul>
            </div>
          </li>
        )}
      </ul>
    </nav>
  );
}
