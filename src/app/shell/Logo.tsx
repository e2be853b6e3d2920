/** The Egnet mark: a house with a tick, the same drawing as the app icons in public/. */

/** The logo, decorative (the app name always stands next to it). */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#0062ba" />
      <path d="M32 12 10 31h6v20h32V31h6z" fill="#fff" />
      <path d="m23 37 6.5 6.5L42 31" fill="none" stroke="#0062ba" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
