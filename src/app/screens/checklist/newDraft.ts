/** New checklist drafts: started from the previous completed one of the same dwelling, or a revision of a completed one. */
import { openInTemplate } from '../../../core/checklist/openInTemplate';
import type { Template } from '../../../core/checklist/template';
import type { Inspection } from '../../../core/schemas/inspection';

/** A record as the store lists it: id and data. */
export type InspectionRec = { id: string; data: Inspection };

/** The newest completed checklist of this template for the dwelling, or undefined. */
export function latestCompletedOf(inspections: readonly InspectionRec[], templateId: string, except?: string): InspectionRec | undefined {
  let best: InspectionRec | undefined;
  for (const i of inspections) {
    if (i.id === except || i.data.templateId !== templateId || i.data.status !== 'completed') continue;
    if (!best || (i.data.completedAt ?? '') > (best.data.completedAt ?? '')) best = i;
  }
  return best;
}

/**
 * A draft of `template` for the dwelling. With a previous completed checklist its answers are copied (read in the
 * current template version: answers to removed items are kept aside, not dropped), so the inspector changes only
 * what differs.
 */
export function draftFrom(template: Template, dwellingId: string, inspectorId: string, now: Date, previous?: Inspection): Inspection {
  const base: Inspection = {
    templateId: template.id,
    templateVersion: template.version,
    dwellingId,
    status: 'draft',
    answers: {},
    startedAt: now.toISOString(),
    inspectorId,
  };
  if (!previous) return base;
  const opened = openInTemplate(previous, template);
  return {
    ...base,
    answers: structuredClone(opened.answers),
    ...(opened.previousAnswers && Object.keys(opened.previousAnswers).length ? { previousAnswers: structuredClone(opened.previousAnswers) } : {}),
  };
}

/**
 * A correction of a completed checklist: a new draft with the same answers and `revisionOf` pointing back. The old
 * one is left untouched and stays in the history; once the revision is completed it is the one that counts.
 */
export function revisionOf(completed: InspectionRec, template: Template, inspectorId: string, now: Date): Inspection {
  const draft = draftFrom(template, completed.data.dwellingId ?? '', inspectorId, now, completed.data);
  const { dwellingId, householdId, planId } = completed.data;
  return {
    ...draft,
    dwellingId: dwellingId ?? null,
    ...(householdId ? { householdId } : {}),
    ...(planId ? { planId } : {}),
    revisionOf: completed.id,
  };
}

/** The completed checklist a draft is compared with: the one it revises, else the newest completed one before it. */
export function previousCompleted(current: InspectionRec, siblings: readonly InspectionRec[]): InspectionRec | undefined {
  if (current.data.revisionOf) return siblings.find((s) => s.id === current.data.revisionOf);
  const before = siblings.filter((s) => (s.data.completedAt ?? '') <= (current.data.completedAt ?? current.data.startedAt));
  return latestCompletedOf(before, current.data.templateId, current.id);
}
