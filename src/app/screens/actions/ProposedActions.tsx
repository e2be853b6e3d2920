/**
 * The follow-up actions a checklist proposes, in one list the inspector confirms before it is locked: each can be left
 * out, and its text, unit and deadline corrected. Plain form fields, so keyboard and screen reader work as anywhere.
 */
import { SEVERITY_POLICY, type ProposedAction } from '../../../core/actions/findingActions';
import type { OwnerUnit } from '../../../core/schemas/ownerUnit';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { unitOptions, useSettings } from '../../store/useSettings';
import { ACTION_TEXT } from './text';
import './actions.css';

/** A proposal as the inspector leaves it. */
export type EditedAction = ProposedAction & { include: boolean; text: string };

/** Proposals as first shown: all included, the text in the person's language. */
export function editable(proposals: readonly ProposedAction[], lang: 'nb' | 'en'): EditedAction[] {
  return proposals.map((p) => ({ ...p, include: true, text: p.title[lang] }));
}

type Props = { actions: EditedAction[]; onChange: (next: EditedAction[]) => void };

export function ProposedActions({ actions, onChange }: Props) {
  const t = useText(ACTION_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const settings = useSettings();
  const set = (i: number, patch: Partial<EditedAction>) => onChange(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <section class="ac-proposed" aria-labelledby="ac-proposed-title" data-testid="proposed-actions">
      <h3 id="ac-proposed-title" class="ds-heading" data-size="2xs">{t('proposedTitle', { n: actions.length })}</h3>
      {actions.length === 0 ? <p>{t('proposedNone')}</p> : <p class="ac-help">{t('proposedHelp')}</p>}
      <ol class="ac-proposed-list">
        {actions.map((a, i) => {
          const id = `ac-${i}`;
          return (
            <li key={a.key} class="ac-proposal" data-key={a.key} data-severity={a.severity}>
              <div class="ds-field ac-include">
                <input id={`${id}-include`} type="checkbox" class="ds-input" checked={a.include} onChange={(e) => set(i, { include: e.currentTarget.checked })} />
                <label for={`${id}-include`}>{t('include')}: <span class="ds-tag" data-color={SEVERITY_POLICY[a.severity].blocksVerdict ? 'danger' : 'warning'}>{local(SEVERITY_POLICY[a.severity].label)}</span></label>
              </div>
              <p class="ac-finding">{t('fromFinding', { text: local(a.finding) })}{a.photos.length > 0 ? ` · ${t('photoCount', { n: a.photos.length })}` : ''}</p>
              <div class="ds-field">
                <label for={`${id}-what`}>{t('what')}</label>
                <input id={`${id}-what`} class="ds-input" type="text" maxLength={200} value={a.text} disabled={!a.include} onInput={(e) => set(i, { text: e.currentTarget.value })} />
              </div>
              <div class="ac-row">
                <div class="ds-field">
                  <label for={`${id}-unit`}>{t('unit')}</label>
                  <select id={`${id}-unit`} class="ds-input" value={a.ownerUnit} disabled={!a.include} onChange={(e) => set(i, { ownerUnit: e.currentTarget.value as OwnerUnit })}>
                    {unitOptions(settings, lang, [a.ownerUnit]).map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
                  </select>
                </div>
                <div class="ds-field">
                  <label for={`${id}-due`}>{t('due')}</label>
                  <input id={`${id}-due`} class="ds-input" type="date" value={a.dueDate} disabled={!a.include} onInput={(e) => set(i, { dueDate: e.currentTarget.value })} />
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What is wrong with the list, one message per problem (numbers as shown, from 1). */
export function proposalProblems(actions: readonly EditedAction[], t: (k: 'titleMissing' | 'unitMissing' | 'dueMissing', v: Record<string, number>) => string): string[] {
  const out: string[] = [];
  actions.forEach((a, i) => {
    if (!a.include) return;
    if (!a.text.trim()) out.push(t('titleMissing', { n: i + 1 }));
    if (!a.ownerUnit) out.push(t('unitMissing', { n: i + 1 }));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.dueDate)) out.push(t('dueMissing', { n: i + 1 }));
  });
  return out;
}
