/** The root: the log-in screen with no session, otherwise the signed-in shell (loaded lazily). */
import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, lazy } from 'preact-iso';
import { LoginScreen } from './screens/login/LoginScreen';
import { getSession, onSessionChange, type Session } from './session';
import { checkSession } from './shell/checkSession';
import { LoadFailed } from './shell/LoadFailed';
import { UpdatePrompt } from './shell/UpdatePrompt';

// Lazy: everything behind log-in (screens, local database, sync) stays out of the log-in route's first load.
// A chunk that cannot be fetched would leave the page blank; explain it and offer a reload instead.
const Shell = lazy(() => import('./shell/Shell').catch(() => ({ default: LoadFailed })));
// A temporary password: this screen comes before any other, and the shell (with sync) is not loaded until it is done.
const ChangePasswordScreen = lazy(() => import('./screens/password/ChangePasswordScreen').catch(() => ({ default: LoadFailed })));

/** The whole app. */
export function App() {
  const [session, setSessionState] = useState<Session | null>(getSession);
  const [loggingInAgain, setLoggingInAgain] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(
    () =>
      onSessionChange((s) => {
        setSessionState(s);
        if (!s || !s.expired) setLoggingInAgain(false);
      }),
    [],
  );

  // A revoked or expired token is found out at start and whenever the network returns, not only at the next sync.
  useEffect(() => {
    const check = () => void checkSession();
    check();
    window.addEventListener('online', check);
    return () => window.removeEventListener('online', check);
  }, []);

  let body;
  if (failed) body = <LoadFailed />;
  else if (!session) body = <LoginScreen />;
  else if (loggingInAgain)
    body = <LoginScreen username={session.user.username} onCancel={() => setLoggingInAgain(false)} />;
  else if (session.user.mustChangePassword && !session.expired)
    body = (
      <ErrorBoundary onError={() => setFailed(true)}>
        <ChangePasswordScreen session={session} />
      </ErrorBoundary>
    );
  else
    body = (
      <ErrorBoundary onError={() => setFailed(true)}>
        <Shell session={session} onLogInAgain={() => setLoggingInAgain(true)} />
      </ErrorBoundary>
    );

  return (
    <LocationProvider>
      {body}
      <UpdatePrompt />
    </LocationProvider>
  );
}
