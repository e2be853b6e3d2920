/**
 * The server's side of "evidence when an answer fails": a push that completes a checklist whose template asks for a
 * photo or a note on a failed answer (TG2/TG3, "no" on a safety item, out of range) that is not there is refused,
 * naming each item and what it needs. The rule is core/checklist/validateAnswers', the one that refuses completion in
 * the app; only its evidence problems are judged here, so templates without evidence rules are not affected.
 */
import { getTemplate } from '../../core/checklist/templates';
import { itemIndex } from '../../core/checklist/itemIndex';
import { validateAnswers } from '../../core/checklist/validateAnswers';
import type { LocalText } from '../../core/text';
import { bilingual } from '../../core/schemas/bilingual';

type Data = Record<string, unknown>;

/** How many items a refusal names before it says how many more there are. */
const NAMED = 5;

/**
 * Why this inspection may not be written as `after` (code, message in Bokmål and English, and the items), or null.
 * Judged only when the write completes it (a checklist completed before stays as it was). Call it only after the
 * writer's right to the record is settled and the record passed its schema.
 */
export function completionEvidenceRefusal(before: Data | null, after: Data): { code: string; message: string; issues: unknown[] } | null {
  if (after.status !== 'completed' || before?.status === 'completed') return null;
  if (typeof after.templateId !== 'string' || typeof after.templateVersion !== 'number') return null;
  const template = getTemplate(after.templateId, after.templateVersion);
  if (!template) return null;
  const problems = validateAnswers(template, after.answers).filter((p) => p.code === 'evidence');
  if (problems.length === 0) return null;
  const index = itemIndex(template);
  const named = problems.map((p) => {
    const item = index.get(p.itemId)?.item;
    let label: LocalText = item?.label ?? { nb: p.itemId, en: p.itemId };
    if (p.entry && item?.kind === 'repeat') {
      const sub = item.items.find((i) => i.id === p.entry!.itemId);
      const title = p.entry.title;
      label = { nb: `${title.nb}: ${sub?.label.nb ?? p.entry.itemId}`, en: `${title.en}: ${sub?.label.en ?? p.entry.itemId}` };
    }
    return { label, message: p.message };
  });
  const lines = (lang: 'nb' | 'en') => {
    const shown = named.slice(0, NAMED).map((n) => lang === 'nb' ? `«${n.label.nb}»: ${n.message.nb}` : `"${n.label.en}": ${n.message.en}`);
    const rest = named.length - shown.length;
    if (rest > 0) shown.push(lang === 'nb' ? `og ${rest} til` : `and ${rest} more`);
    return shown.join('; ');
  };
  return {
    code: 'evidence_missing',
    message: bilingual(`Sjekklisten kan ikke fullføres før bevis er lagt ved. ${lines('nb')}`, `The checklist cannot be completed until the evidence is attached. ${lines('en')}`),
    issues: problems.map((p) => ({ itemId: p.itemId, ...(p.entry ? { entryId: p.entry.id, entryItemId: p.entry.itemId } : {}), needs: p.evidence ?? [] })),
  };
}
