/**
 * Allocations: record one (dwelling, household with or without children, date, lease), see them per year, and correct
 * or remove one made by mistake (with undo for some seconds); the figures follow at once.
 */
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { formatDate } from '../../../core/format/formatDate';
import type { Allocation, WithId } from '../../../core/schemas';
import '../../charts/charts.css';
import { EditRemoveButtons } from '../../components/EditRemoveButtons';
import { UndoToast, type ToastMessage } from '../../components/UndoToast';
import { useLanguage, useLocal, useText } from '../../i18n/language';
import { getSession } from '../../session';
import { removeUndoably } from '../../store/removeUndoably';
import { AllocationForm } from './AllocationForm';
import { ChildrenFirst } from './StockCharts';
import { INTAKE_TEXT } from './text';
import { useIntakeData } from './useIntakeData';
import { useFigures } from './useOverview';
import '../../components/layout.css';
import './intake.css';
import { useAreaName } from '../../store/useSettings';

/** Allocations listed before "show all". */
const LIST_SIZE = 20;

/** The allocations screen at `/allocations` (prefilled from matching by `?dwelling=&household=&children=`). */
export default function AllocationsScreen() {
  const t = useText(INTAKE_TEXT);
  const areaName = useAreaName();
  const lang = useLanguage();
  const local = useLocal();
  const { query } = useLocation();
  const data = useIntakeData();
  const [showAll, setShowAll] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [said, setSaid] = useState<Record<string, string>>({});
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const roles = getSession()?.user.roles ?? [];
  // The sync policy lets the intake team and administrators write allocations.
  const mayChange = roles.includes('intake') || roles.includes('admin');

  const figures = useFigures(data);
  if (!data || !figures) return <p aria-busy="true">{t('loading')}</p>;

  const address = new Map(data.dwellings.map((d) => [d.id, `${d.address}, ${areaName(d.area)}`]));
  const recorded = [...data.allocations].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const nameOf = (a: Allocation) => t('allocationName', { date: formatDate(a.date, lang), address: address.get(a.dwellingId) ?? t('unknownDwelling') });

  const failed = (key: string, err: unknown) => {
    const text = (err as { text?: { nb: string; en: string } }).text;
    setToast({ key: `${key}-failed`, text: t('saveFailed', { reason: text ? local(text) : String(err) }) });
  };
  const remove = async (a: WithId<Allocation>, byKeyboard: boolean) => {
    const name = nameOf(a);
    try {
      const removal = await removeUndoably<Allocation>('allocation', a.id);
      const undo = async () => {
        try {
          await removal.undo();
          setToast({ key: `${a.id}-restored`, text: t('allocationRestored', { name }) });
        } catch (err) {
          failed(a.id, err);
        }
      };
      setToast({
        key: a.id,
        text: t('allocationRemoved', { name }),
        focus: byKeyboard,
        undo: { label: t('undo'), accessibleName: t('undoNamed', { name }), run: () => void undo() },
      });
    } catch (err) {
      failed(a.id, err);
    }
  };
  const closeEdit = (id: string, text?: string) => {
    setEditing(null);
    setSaid((s) => ({ ...s, [id]: text ?? '' }));
    // Back to the button that opened the form, once it is rendered again.
    requestAnimationFrame(() => document.getElementById(`edit-${id}`)?.focus());
  };

  return (
    <section class="screen intake">
      <h1 class="ds-heading" data-size="lg">
        {t('allocationsTitle')}
      </h1>
      {mayChange && (
        <>
          <h2 class="ds-heading" data-size="sm">
            {t('newAllocation')}
          </h2>
          <AllocationForm
            key={`${query.dwelling}|${query.household}|${query.children}`}
            idPrefix="alloc"
            data={data}
            verdicts={figures.verdictsByDwelling}
            query={query}
          />
        </>
      )}

      <h2 class="ds-heading" data-size="sm">
        {t('childrenFirstTitle')}
      </h2>
      <ChildrenFirst figures={figures} />

      <h2 class="ds-heading" data-size="sm" ref={listHeading} tabIndex={-1}>
        {t('recorded')}
      </h2>
      {mayChange && <p>{t('correctHint')}</p>}
      {recorded.length === 0 ? (
        <p>{t('noAllocations')}</p>
      ) : (
        <>
          <ul class="row-list intake-allocations" data-testid="allocation-list">
            {(showAll ? recorded : recorded.slice(0, LIST_SIZE)).map((a) => (
              <li key={a.id} data-testid="allocation-row">
                {editing === a.id ? (
                  <AllocationForm
                    idPrefix={`correct-${a.id}`}
                    data={data}
                    verdicts={figures.verdictsByDwelling}
                    allocation={{ id: a.id, data: a }}
                    onClose={(text) => closeEdit(a.id, text)}
                  />
                ) : (
                  <div class="intake-allocation">
                    <span>
                      {formatDate(a.date, lang)} – {address.get(a.dwellingId) ?? t('unknownDwelling')} –{' '}
                      {a.householdHasChildren ? t('withChildrenN', { n: a.childrenCount }) : t('withoutChildren')} –{' '}
                      {a.leaseType === 'openEnded' ? t('openEndedShort') : t('yearsShort', { n: a.leaseYears ?? 0 })}
                    </span>
                    {mayChange && (
                      <span class="intake-actions">
                        <EditRemoveButtons
                          editId={`edit-${a.id}`}
                          editText={t('correct')}
                          editName={t('correctNamed', { name: nameOf(a) })}
                          onEdit={() => setEditing(a.id)}
                          removeText={t('remove')}
                          removeName={t('removeNamed', { name: nameOf(a) })}
                          onRemove={(byKeyboard) => void remove(a, byKeyboard)}
                        />
                      </span>
                    )}
                  </div>
                )}
                <p role="status" class="intake-row-status">
                  {said[a.id] ?? ''}
                </p>
              </li>
            ))}
          </ul>
          {!showAll && recorded.length > LIST_SIZE && (
            <div>
              <button type="button" class="ds-button" data-variant="tertiary" onClick={() => setShowAll(true)}>
                {t('showAll', { n: recorded.length })}
              </button>
            </div>
          )}
        </>
      )}
      <UndoToast message={toast} onClose={() => setToast(null)} returnFocus={() => listHeading.current?.focus()} />
    </section>
  );
}
