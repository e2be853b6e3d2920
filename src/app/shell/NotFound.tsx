/** The screen for an address that matches no route. */
import { useText } from '../i18n/language';
import { SHELL_TEXT } from './text';

/** "Page not found" with a way home. */
export function NotFound() {
  const t = useText(SHELL_TEXT);
  return (
    <section class="screen">
      <h1 class="ds-heading" data-size="lg">
        {t('notFoundTitle')}
      </h1>
      <p class="ds-paragraph">{t('notFoundBody')}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/">
          {t('toHome')}
        </a>
      </p>
    </section>
  );
}
