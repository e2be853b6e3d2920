/**
 * Whether the browser may delete this site's data after a week without use: Safari (and every browser on iPhone and
 * iPad, all WebKit) clears script-written storage of a site not used for 7 days, unless the app was added to the home
 * screen. Persistent storage does not lift that rule.
 */

/** True for WebKit browsers that apply the 7-day rule: Safari on macOS, and any browser on iOS and iPadOS. */
export function isSafariLike(userAgent: string): boolean {
  if (/iPhone|iPad|iPod/.test(userAgent)) return true;
  // iPadOS asks for desktop sites with a Mac user agent; Chrome, Edge, Firefox and Android also say "Safari".
  return /AppleWebKit/.test(userAgent) && /Safari\//.test(userAgent) && !/Chrome|Chromium|CriOS|FxiOS|Firefox|Edg|Android/.test(userAgent);
}

/** True when stored data may be evicted after 7 days without use: a Safari-like browser, outside the home screen. */
export function mayEvictUnused(userAgent: string, standalone: boolean): boolean {
  return isSafariLike(userAgent) && !standalone;
}

/** Reads both from this browser. */
export function browserMayEvictUnused(): boolean {
  const standalone =
    (navigator as Navigator & { standalone?: boolean }).standalone === true ||
    (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches);
  return mayEvictUnused(navigator.userAgent, standalone);
}
