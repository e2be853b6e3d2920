/** Whether the browser believes it has a network connection, kept current by the online/offline events. */
import { useEffect, useState } from 'preact/hooks';

/** Hook: `navigator.onLine`, re-rendering when it changes. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
