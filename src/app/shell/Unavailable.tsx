/** The screen shown instead of one that does not exist or that the person's roles may not open. */
import { useText } from '../i18n/language';
import { SHELL_TEXT } from './text';

/** Why there is no screen: no route matches, or the roles may not open it (the server enforces the same rule). */
export type UnavailableReason = 'notFound' | 'forbidden';

/** "Page not found" or "No access", with a way home. */
export function Unavailable({ reason }: { reason: UnavailableReason }) {
  const t = useText(SHELL_TEXT);
  return (
    <section class="screen">
      <h1 class="ds-heading" data-size="lg">
        {t(reason === 'forbidden' ? 'forbiddenTitle' : 'notFoundTitle')}
      </h1>
      <p class="ds-paragraph">{t(reason === 'forbidden' ? 'forbiddenBody' : 'notFoundBody')}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/">
          {t('toHome')}
        </a>
      </p>
    </section>
  );
}
