/** A home visit: the template-D checklist in the one checklist renderer, the duty to notify, and agreed actions as tasks. */
import { useMemo } from 'preact/hooks';
import { formatDate } from '../../../core/format/formatDate';
import type { Household } from '../../../core/schemas/household';
import type { Inspection } from '../../../core/schemas/inspection';
import type { Visit } from '../../../core/schemas/visit';
import { useLanguage, useText } from '../../i18n/language';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/useQuery';
import InspectionScreen from '../checklist/InspectionScreen';
import { AgreedActions } from './AgreedActions';
import { DutyToNotify } from './DutyToNotify';
import { VISIT_TEXT } from './text';
import './visits.css';

/** The page at `/visits/:id`. */
export default function VisitScreen({ id }: { id: string }) {
  const t = useText(VISIT_TEXT);
  const lang = useLanguage();
  const visits = useMemo(() => repo<Visit>('visit'), []);
  const visit = useQuery(() => visits.get(id).then((r) => r ?? null), [id]);
  const householdId = visit?.data.householdId ?? null;
  const inspectionId = visit?.data.inspectionId ?? null;
  const household = useQuery(() => (householdId ? repo<Household>('household').get(householdId).then((r) => r ?? null) : null), [householdId]);
  // Read here too, so the duty to notify follows each answer as it is saved.
  const inspection = useQuery(() => (inspectionId ? repo<Inspection>('inspection').get(inspectionId).then((r) => r ?? null) : null), [inspectionId]);

  if (visit === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (visit === null) return <section class="vi-screen"><h1 class="ds-heading" data-size="md">{t('notFound')}</h1></section>;
  const date = formatDate(visit.data.date, lang);

  return (
    <div class="vi-screen">
      <div class="vi-context">
        <a class="ds-link" href={`/households/${visit.data.householdId}`}>← {household?.data.displayName ?? t('backToHousehold')}</a>
        <p class="ds-paragraph">{t('visitOf', { name: household?.data.displayName ?? '', date })}</p>
      </div>
      {inspectionId ? <InspectionScreen id={inspectionId} /> : <p class="ds-paragraph">{t('noChecklist')}</p>}
      <DutyToNotify answers={inspection?.data.answers} />
      <AgreedActions visitId={id} householdId={visit.data.householdId} />
    </div>
  );
}
