/**
 * The access log as a person reads it: field paths named in words (a checklist answer by its question), and the
 * records one person's sync read or wrote together shown as one line instead of one "Lest" line per record.
 */
import { templates } from '../../../core/checklist/templates';
import type { AuditEntry } from '../../../core/privacy/auditEntry';
import type { LocalText } from '../../../core/text';
import { AUDIT_FIELD_NAMES } from './fieldNames';

/** Entries one sync makes are this close in time; a later sync by the same person starts a new line. */
export const SYNC_GROUP_MS = 2 * 60_000;

const DELETED: LocalText = { nb: 'slettet posten', en: 'deleted the record' };
const ANSWER: LocalText = { nb: 'svar', en: 'answer' };

function questionLabel(itemId: string): LocalText | undefined {
  // Newest template first: an item keeps its id across versions, and the newest wording is the one people know.
  for (let i = templates.length - 1; i >= 0; i--) {
    for (const s of templates[i]!.sections) for (const it of s.items) if (it.id === itemId) return it.label;
  }
  return undefined;
}

/**
 * A logged field in words. `answers.child.concernDescription` is the answer to that question ("svar: Beskriv
 * bekymringen kort"); `needs.accessibility` is named by its field (behov); an unknown field is shown as logged.
 */
export function auditFieldName(field: string, local: (t: LocalText) => string): string {
  if (field === '(deleted)') return local(DELETED);
  if (Object.hasOwn(AUDIT_FIELD_NAMES, field)) return local(AUDIT_FIELD_NAMES[field]!);
  const dot = field.indexOf('.');
  if (dot < 0) return field;
  const top = field.slice(0, dot);
  const rest = field.slice(dot + 1);
  if (top === 'answers') {
    const label = questionLabel(rest);
    return label ? `${local(ANSWER)}: ${local(label)}` : local(AUDIT_FIELD_NAMES.answers!);
  }
  return Object.hasOwn(AUDIT_FIELD_NAMES, top) ? local(AUDIT_FIELD_NAMES[top]!) : field;
}

/** One line of the log on screen: a single entry, or one person's sync of several records. */
export type AuditLine<E extends AuditEntry['entity'] = AuditEntry['entity']> = {
  key: number;
  /** Newest and oldest time of the entries (equal for a single entry). */
  at: string;
  firstAt: string;
  userId: string;
  userName: string | null;
  action: AuditEntry['action'];
  via: AuditEntry['via'];
  /** How many entries of each kind of record, in the order first met. */
  entities: { entity: E; n: number }[];
  /** The fields touched, each once, in the order first met. */
  fields: string[];
  /** How many log entries the line stands for. */
  count: number;
};

/**
 * Groups entries (newest first, as the server sends them) into lines: consecutive entries by the same person, the
 * same action and the same sync direction within SYNC_GROUP_MS of each other become one line; a look-up stays alone.
 */
export function groupAuditEntries<T extends AuditEntry>(entries: readonly T[]): AuditLine<T['entity']>[] {
  const lines: AuditLine<T['entity']>[] = [];
  for (const e of entries) {
    const last = lines.at(-1);
    const joins = last && e.via !== 'api' && last.via === e.via && last.userId === e.userId && last.action === e.action
      && Date.parse(last.firstAt) - Date.parse(e.at) <= SYNC_GROUP_MS;
    if (!joins) {
      lines.push({ key: e.seq, at: e.at, firstAt: e.at, userId: e.userId, userName: e.userName, action: e.action, via: e.via, entities: [{ entity: e.entity, n: 1 }], fields: [...new Set(e.fields)], count: 1 });
      continue;
    }
    last.firstAt = e.at;
    last.count++;
    const kind = last.entities.find((k) => k.entity === e.entity);
    if (kind) kind.n++;
    else last.entities.push({ entity: e.entity, n: 1 });
    for (const f of e.fields) if (!last.fields.includes(f)) last.fields.push(f);
  }
  return lines;
}
