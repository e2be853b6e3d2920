/** Why log-out was refused (changes not yet on the server, …), in an alert region that is always in the page. */
import { useLocal } from '../i18n/language';
import type { LogoutRefusal } from '../logout';

/** The alert region; empty while nothing was refused, so a refusal is announced when it appears. */
export function LogoutRefused({ title, refusals }: { title: string; refusals: readonly LogoutRefusal[] }) {
  const local = useLocal();
  return (
    <div role="alert">
      {refusals.length > 0 && (
        <div class="ds-alert" data-color="warning">
          <p class="ds-paragraph">{title}</p>
          <ul>
            {refusals.map((r, i) => (
              <li key={i}>{local(r.reason)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
