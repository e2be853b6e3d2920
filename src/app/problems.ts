/**
 * Notes what went wrong in this tab (uncaught errors, unhandled promise rejections, Content-Security-Policy
 * violations) in sessionStorage, so it survives full page loads within the tab: the browser tests read it in every
 * engine (WebKit's driver cannot see the console), and support can ask for it. Imported first by main.tsx, so it
 * listens before any other module runs. Holds messages only, at most MAX of them, never form values.
 */
/** The sessionStorage key of the list. */
export const PROBLEMS_KEY = 'egnet.problems';
const MAX = 20;

/** One noted problem. */
export type Problem = { kind: 'error' | 'rejection' | 'csp'; message: string; at: string };

/** The problems noted in this tab so far, oldest first. */
export function problems(): Problem[] {
  try {
    return JSON.parse(sessionStorage.getItem(PROBLEMS_KEY) ?? '[]') as Problem[];
  } catch {
    return [];
  }
}

function note(kind: Problem['kind'], message: string): void {
  try {
    const list = [...problems(), { kind, message: message.slice(0, 300), at: new Date().toISOString() }].slice(-MAX);
    sessionStorage.setItem(PROBLEMS_KEY, JSON.stringify(list));
  } catch {
    // Storage full or blocked: nothing more to do here.
  }
}

// A page being left cancels what it was loading (a screen's module, a request): those failures are not problems.
let leaving = false;

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', () => (leaving = true));
  window.addEventListener('pagehide', () => (leaving = true));
  window.addEventListener('pageshow', () => (leaving = false));
  window.addEventListener('error', (e) => {
    // The browser's notice that it delivered size changes in the next frame, not a failure of the app.
    if (leaving || /^ResizeObserver loop/.test(e.message)) return;
    note('error', e.message || String(e.error));
  });
  window.addEventListener('unhandledrejection', (e) => {
    if (leaving) return;
    const r: unknown = e.reason;
    note('rejection', r instanceof Error ? `${r.name}: ${r.message}` : String(r));
  });
  document.addEventListener('securitypolicyviolation', (e) =>
    note('csp', `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`),
  );
}
