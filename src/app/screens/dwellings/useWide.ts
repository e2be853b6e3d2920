/** Whether the screen is wide enough (tablet and up) to show the registry beside a dwelling or form. */
import { useEffect, useState } from 'preact/hooks';

/** The width from which the registry and the open dwelling sit side by side (the shell's tablet breakpoint). */
export const SIDE_BY_SIDE_QUERY = '(min-width: 768px)';

/** True on tablets and wider; follows rotation and window resizing. */
export function useWide(): boolean {
  const [wide, setWide] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(SIDE_BY_SIDE_QUERY).matches);
  useEffect(() => {
    const mq = matchMedia(SIDE_BY_SIDE_QUERY);
    const on = () => setWide(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return wide;
}
