/**
 * Disabling or enabling an account, behind a confirmation. Focus goes to the question when it opens and back to the
 * button when it closes, so a keyboard user stays in place; Escape closes it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../../../core/schemas/account';
import { useText } from '../../i18n/language';
import { NoticeBox } from './NoticeBox';
import { sendOnline } from './sendOnline';
import { USERS_TEXT } from './text';
import type { Notice } from './userFormState';

type Props = { account: Account; isSelf: boolean; online: boolean; onSaved: (account: Account) => void };

export function StatusSection({ account, isSelf, online, onSaved }: Props) {
  const t = useText(USERS_TEXT);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) toggleButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const sent = await sendOnline<{ user: Account }>(online, t('needsConnectionForm'), { path: `/api/users/${account.id}`, method: 'PATCH', json: { disabled: !account.disabled } }, setNotice);
      setConfirming(false);
      if (!sent) return;
      onSaved(sent.answer.user);
      setNotice({ kind: 'success', text: sent.answer.user.disabled ? t('disabledDone') : t('enabledDone') });
    } catch (err) {
      setConfirming(false);
      setNotice({ kind: 'danger', text: t('notSaved', { reason: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const danger = account.disabled ? undefined : 'danger';
  return (
    <section class="screen-section" aria-labelledby="user-status-title">
      <h2 id="user-status-title" class="ds-heading" data-size="sm">{t('statusTitle')}</h2>
      <p class="ds-paragraph" data-testid="user-status">{account.disabled ? t('statusDisabled') : t('statusActive')}</p>
      {isSelf && !account.disabled ? (
        <p class="form-hint">{t('selfDisable')}</p>
      ) : (
        !confirming && (
          <div class="us-actions">
            <button type="button" ref={toggleButton} class="ds-button" data-variant="secondary" data-color={danger} onClick={() => setConfirming(true)}>
              {account.disabled ? t('enable') : t('disable')}
            </button>
          </div>
        )
      )}
      {confirming && (
        <div
          class="ds-alert us-confirm"
          data-color={account.disabled ? 'info' : 'danger'}
          role="group"
          aria-labelledby="user-confirm-text"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <p id="user-confirm-text">{t(account.disabled ? 'enableConfirm' : 'disableConfirm', { name: account.name })}</p>
          <div class="us-actions">
            <button type="button" ref={confirmButton} class="ds-button" data-variant="primary" data-color={danger} onClick={() => void toggle()}>
              {account.disabled ? t('enableYes') : t('disableYes')}
            </button>
            <button type="button" class="ds-button" data-variant="tertiary" onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      <NoticeBox notice={notice} testid="user-status-notice" />
    </section>
  );
}
