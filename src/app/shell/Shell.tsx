/** The signed-in frame: skip link, header, navigation and the routed screen. Loaded lazily after log-in. */
import { useRef } from 'preact/hooks';
import { ErrorBoundary, Route, Router } from 'preact-iso';
import type { Session } from '../session';
import { useText } from '../i18n/language';
import { ROUTES, mayOpen } from '../routes';
import { SyncStatus } from '../sync/SyncStatus';
import { Header } from './Header';
import { Nav } from './Nav';
import { Unavailable } from './Unavailable';
import { usePreloadScreens } from './usePreloadScreens';
import { SessionExpiredNotice } from './SessionExpiredNotice';
import { SHELL_TEXT } from './text';

/** Moves focus to the new screen's heading so keyboard and screen-reader users start reading there. */
function focusScreen(main: HTMLElement | null): void {
  if (!main) return;
  const heading = main.querySelector('h1');
  if (heading?.textContent) document.title = `${heading.textContent} – Egnet`;
  // A screen that finishes loading after the person has opened "Mer" again leaves focus there: taking it would close
  // the menu under their finger.
  if (document.activeElement?.closest('.app-nav-more')?.querySelector('[aria-expanded="true"]')) return;
  const target: HTMLElement = heading ?? main;
  if (heading) heading.tabIndex = -1;
  target.focus();
}

/** The app as a signed-in person sees it; `onLogInAgain` opens the log-in form when the session has expired. */
export default function Shell({ session, onLogInAgain }: { session: Session; onLogInAgain: () => void }) {
  const t = useText(SHELL_TEXT);
  const main = useRef<HTMLElement>(null);
  const roles = session.user.roles;
  usePreloadScreens(roles);
  return (
    <div class="app">
      <a class="ds-skip-link" href="#main">
        {t('skipToMain')}
      </a>
      <Header status={<SyncStatus />} />
      {session.expired && <SessionExpiredNotice onLogIn={onLogInAgain} />}
      <div class="app-body">
        <Nav roles={roles} />
        <main id="main" class="app-main" tabIndex={-1} ref={main}>
          <ErrorBoundary>
            <Router onRouteChange={() => focusScreen(main.current)}>
              {[
                ...ROUTES.map((r) =>
                  mayOpen(r, roles) ? (
                    <Route key={r.path} path={r.path} component={r.component} />
                  ) : (
                    <Route key={r.path} path={r.path} component={Unavailable} reason="forbidden" />
                  ),
                ),
                <Route key="*" default component={Unavailable} reason="notFound" />,
              ]}
            </Router>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
