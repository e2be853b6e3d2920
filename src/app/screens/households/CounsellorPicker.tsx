/** Who follows the household: counsellors to tick, fetched from the server; read-only with a note when offline. */
import { useEffect, useState } from 'preact/hooks';
import { apiFetch } from '../../api';
import { useText } from '../../i18n/language';
import { getSession } from '../../session';
import { personName } from '../checklist/personName';
import { HOUSEHOLD_TEXT } from './text';
import { VisibilityTag } from './VisibilityTag';

type Person = { id: string; name: string };

/** The checkboxes; `error` sits under them. Unticking oneself is a hand-over: the household then leaves this device. */
export function CounsellorPicker({ id, value, onChange, error }: { id: string; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const t = useText(HOUSEHOLD_TEXT);
  const me = getSession()?.user;
  const [people, setPeople] = useState<Person[] | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    apiFetch<{ counsellors: Person[] }>('/api/counsellors').then(
      (r) => live && setPeople(r.counsellors),
      () => live && setPeople(null),
    );
    return () => void (live = false);
  }, []);
  const known = people ?? [];
  // The current ones stay listed even when the list could not be fetched or no longer has them.
  const listed: Person[] = [...known, ...value.filter((v) => !known.some((p) => p.id === v)).map((v) => ({ id: v, name: personName(v) ?? t('unknownCounsellor') }))];
  const handsOver = !!me && me.roles.includes('counsellor') && !me.roles.includes('admin') && value.length > 0 && !value.includes(me.id);

  return (
    <fieldset class="ds-fieldset form-field" id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend class="ds-label hh-label">{t('counsellors')} <VisibilityTag field="counsellorIds" /></legend>
      {people === null && <p class="form-hint">{t('counsellorsOffline')}</p>}
      <div class="form-choices">
        {listed.map((p) => (
          <label key={p.id} class="ds-label form-choice" data-weight="regular">
            <input
              class="ds-input"
              type="checkbox"
              checked={value.includes(p.id)}
              disabled={people === null}
              onChange={(e) => onChange(e.currentTarget.checked ? [...value, p.id] : value.filter((x) => x !== p.id))}
            />
            {p.name}{me?.id === p.id ? ` (${t('you')})` : ''}
          </label>
        ))}
      </div>
      {handsOver && <p class="ds-alert" data-color="warning" data-size="sm">{t('handOverWarning')}</p>}
      {error && <p class="ds-validation-message" id={`${id}-error`}>{error}</p>}
    </fieldset>
  );
}
