/** The screen shown instead of one the person's roles may not open. */
import { useText } from '../i18n/language';
import { SHELL_TEXT } from './text';

/** "No access" with a way home; the server enforces the same rule, this only explains it. */
export function Forbidden() {
  const t = useText(SHELL_TEXT);
  return (
    <section class="screen">
      <h1 class="ds-heading" data-size="lg">
        {t('forbiddenTitle')}
      </h1>
      <p class="ds-paragraph">{t('forbiddenBody')}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href="/">
          {t('toHome')}
        </a>
      </p>
    </section>
  );
}
