/** The signatures asked for at completion: the inspector's (required) and the tenant's with their name (optional). */
import { SignaturePad } from '../../signature/SignaturePad';
import { useText } from '../../i18n/language';
import { ACTION_TEXT } from './text';

/** What the pads hold. */
export type SignatureDraft = { inspector: Uint8Array | null; tenant: Uint8Array | null; tenantName: string };

type Props = { inspectorName: string; value: SignatureDraft; onChange: (next: SignatureDraft) => void; error?: string };

export function CompletionSignatures({ inspectorName, value, onChange, error }: Props) {
  const t = useText(ACTION_TEXT);
  return (
    <section class="ac-signatures" aria-labelledby="ac-sign-title" data-testid="completion-signatures">
      <h3 id="ac-sign-title" class="ds-heading" data-size="2xs">{t('signTitle')}</h3>
      <fieldset class="ds-fieldset ac-sign" data-testid="sign-inspector">
        <legend>{t('inspectorSignature', { name: inspectorName })}</legend>
        <SignaturePad id="sign-inspector" onChange={(png) => onChange({ ...value, inspector: png })} errorId={error ? 'sign-error' : undefined} />
        {error && <p class="ds-validation-message" id="sign-error" data-testid="sign-error">{error}</p>}
      </fieldset>
      <fieldset class="ds-fieldset ac-sign" data-testid="sign-tenant">
        <legend>{t('tenantSignature')}</legend>
        <div class="ds-field">
          <label for="sign-tenant-name">{t('tenantName')}</label>
          <input id="sign-tenant-name" class="ds-input" type="text" maxLength={200} autocomplete="off" value={value.tenantName} onInput={(e) => onChange({ ...value, tenantName: e.currentTarget.value })} />
        </div>
        <SignaturePad id="sign-tenant" onChange={(png) => onChange({ ...value, tenant: png })} />
      </fieldset>
    </section>
  );
}
