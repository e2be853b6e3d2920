/** One domain of a Foyer plan: the goal, the actions with owner and due date, the ratings at each review, the chart. */
import { useState } from 'preact/hooks';
import { formatDate } from '../../../core/format/formatDate';
import { formatIssues } from '../../../core/schemas/formatIssues';
import { FOYER_DOMAIN_LABELS, planDomainSchema, REVIEW_POINT_LABELS, REVIEW_POINTS, type FoyerDomain, type PlanDomain, type ReviewPoint } from '../../../core/schemas/plan';
import { FormField } from '../../components/FormField';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import type { Rating } from './planReviews';
import { ReviewChart } from './ReviewChart';
import { FOYER_TEXT } from './text';

type Props = {
  domain: FoyerDomain;
  value: PlanDomain;
  ratings: Record<ReviewPoint, Rating>;
  readOnly: boolean;
  /** Saves the whole domain (one sync path: `domains.<domain>`); rejects with a reason. */
  onSave: (next: PlanDomain) => Promise<void>;
};

/** The panel, a collapsible section so eight domains fit on a phone. */
export function DomainPanel({ domain, value, ratings, readOnly, onSave }: Props) {
  const t = useText(FOYER_TEXT);
  const local = useLocal();
  const lang = useLanguage();
  const [goal, setGoal] = useState(value.goal);
  const [action, setAction] = useState({ title: '', owner: '', dueDate: '' });
  const [actionErrors, setActionErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  // A rating waits here until both the young person and the coordinator have rated that review.
  const [pending, setPending] = useState<Record<string, string>>({});
  const name = local(FOYER_DOMAIN_LABELS[domain]);
  const idp = `domain-${domain}`;

  const save = async (next: PlanDomain) => {
    const parsed = planDomainSchema.safeParse(next);
    if (!parsed.success) {
      setStatus(formatIssues(parsed.error.issues, lang).map((i) => i.message).join('; '));
      return false;
    }
    try {
      await onSave(parsed.data);
      setStatus(t('saved'));
      return true;
    } catch (err) {
      setStatus(t('notSaved', { reason: String(err) }));
      return false;
    }
  };

  const addAction = async (e: Event) => {
    e.preventDefault();
    const candidate = { title: action.title.trim(), owner: action.owner.trim(), dueDate: action.dueDate, done: false };
    const errors: Record<string, string> = {};
    const parsed = planDomainSchema.shape.actions.element.safeParse(candidate);
    if (!parsed.success) for (const i of formatIssues(parsed.error.issues, lang)) errors[i.path] ??= i.message;
    setActionErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (await save({ ...value, actions: [...value.actions, candidate] })) setAction({ title: '', owner: '', dueDate: '' });
  };

  const rate = (point: ReviewPoint, who: 'youth' | 'coordinator', v: string) => {
    const other = who === 'youth' ? 'coordinator' : 'youth';
    const otherValue = Number(pending[`${point}.${other}`] ?? value.reviews[point]?.[other] ?? ratings[point][other] ?? 0);
    const next = { [who]: Number(v), [other]: otherValue } as { youth: number; coordinator: number };
    // A review is stored once both have rated; until then the choice waits in the form.
    if (!next.youth || !next.coordinator) {
      setPending({ ...pending, [`${point}.${who}`]: v });
      return;
    }
    void save({ ...value, reviews: { ...value.reviews, [point]: next } }).then((ok) => {
      if (ok) setPending(Object.fromEntries(Object.entries(pending).filter(([k]) => !k.startsWith(`${point}.`))));
    });
  };
  const shown = (point: ReviewPoint, who: 'youth' | 'coordinator') => pending[`${point}.${who}`] ?? String(value.reviews[point]?.[who] ?? '');
  const dateText = (d: string) => formatDate(d, lang);

  return (
    <details class="fy-domain" data-testid={`domain-${domain}`}>
      <summary class="fy-domain-summary">
        <span class="ds-heading" data-size="xs">{name}</span>
        {value.goal && <span class="fy-goal-short">{value.goal}</span>}
      </summary>
      <div class="fy-domain-body">
        <FormField id={`${idp}-goal`} label={t('goal')}>
          {(a11y) => <textarea class="ds-input" rows={2} value={goal} readOnly={readOnly} onInput={(e) => setGoal(e.currentTarget.value)} {...a11y} />}
        </FormField>
        {!readOnly && goal !== value.goal && (
          <button type="button" class="ds-button" data-variant="secondary" onClick={() => void save({ ...value, goal })}>{t('saveGoal')}</button>
        )}

        <h3 class="ds-heading" data-size="2xs">{t('actions')}</h3>
        {value.actions.length === 0 ? <p class="ds-paragraph">{t('actionsNone')}</p> : (
          <ul class="fy-actions">
            {value.actions.map((a, i) => (
              <li key={i}>
                <label class="ds-label form-choice" data-weight="regular">
                  <input
                    class="ds-input"
                    type="checkbox"
                    checked={a.done}
                    disabled={readOnly}
                    aria-label={t('actionDone', { title: a.title })}
                    onChange={(e) => void save({ ...value, actions: value.actions.map((x, k) => (k === i ? { ...x, done: e.currentTarget.checked } : x)) })}
                  />
                  <span>
                    <strong>{a.title}</strong> – {t('actionLine', { owner: a.owner, date: dateText(a.dueDate) })}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <form class="fy-action-form" onSubmit={addAction} noValidate>
            <FormField id={`${idp}-action-title`} label={t('actionTitle')} error={actionErrors.title}>
              {(a11y) => <input class="ds-input" type="text" value={action.title} onInput={(e) => setAction({ ...action, title: e.currentTarget.value })} {...a11y} />}
            </FormField>
            <div class="fy-row">
              <FormField id={`${idp}-action-owner`} label={t('actionOwner')} hint={t('actionOwnerHint')} error={actionErrors.owner}>
                {(a11y) => <input class="ds-input" type="text" value={action.owner} onInput={(e) => setAction({ ...action, owner: e.currentTarget.value })} {...a11y} />}
              </FormField>
              <FormField id={`${idp}-action-due`} label={t('actionDue')} error={actionErrors.dueDate}>
                {(a11y) => <input class="ds-input" type="date" value={action.dueDate} onInput={(e) => setAction({ ...action, dueDate: e.currentTarget.value })} {...a11y} />}
              </FormField>
            </div>
            <button type="submit" class="ds-button" data-variant="secondary">{t('addAction')}</button>
          </form>
        )}

        <h3 class="ds-heading" data-size="2xs">{t('reviews')}</h3>
        {/* Scrolls sideways on a phone too narrow for the two rating columns; focusable so a keyboard can scroll it. */}
        <div class="fy-scroll" tabIndex={0} role="region" aria-label={`${t('reviews')}: ${name}`}>
          <table class="fy-reviews">
            <thead>
              <tr>
                <td />
                <th scope="col">{t('youth')}</th>
                <th scope="col">{t('coordinator')}</th>
              </tr>
            </thead>
            <tbody>
              {REVIEW_POINTS.map((p) => (
                <tr key={p}>
                  <th scope="row">{local(REVIEW_POINT_LABELS[p])}</th>
                  {(['youth', 'coordinator'] as const).map((who) => (
                    <td key={who}>
                      <select
                        class="ds-input fy-rating"
                        aria-label={t('ratingFor', { who: t(who), point: local(REVIEW_POINT_LABELS[p]) })}
                        value={shown(p, who)}
                        disabled={readOnly}
                        onChange={(e) => rate(p, who, e.currentTarget.value)}
                      >
                        <option value="">–</option>
                        {[1, 2, 3, 4, 5].map((n) => <option key={n} value={String(n)}>{n}</option>)}
                      </select>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ReviewChart id={`${idp}-chart`} domainName={name} ratings={ratings} />
        <p class="fy-status" role="status">{status}</p>
      </div>
    </details>
  );
}
