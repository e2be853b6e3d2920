// The access log as people read it: fields in words, one person's sync of many records as one line.
import { describe, expect, it } from 'vitest';
import { auditFieldName, groupAuditEntries } from '../../../src/app/screens/audit/auditLines';
import type { AuditEntry } from '../../../src/core/privacy/auditEntry';

const nb = (t: { nb: string }) => t.nb;

describe('auditFieldName', () => {
  it('names a checklist answer by its question and a nested field by its field, never by its code', () => {
    expect(auditFieldName('answers.child.concernDescription', nb)).toBe('svar: Beskriv bekymringen kort');
    expect(auditFieldName('answers.no.such.item', nb)).toBe('svar');
    expect(auditFieldName('needs.accessibility', nb)).toBe('behov');
    expect(auditFieldName('childBirthYears', nb)).toBe('barnas fødselsår');
    expect(auditFieldName('(deleted)', nb)).toBe('slettet posten');
    expect(auditFieldName('somethingNew', nb)).toBe('somethingNew');
  });
});

let seq = 100;
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: seq--, at: '2026-12-05T10:00:00Z', userId: 'u1', userName: 'Berit', action: 'read', via: 'pull', entity: 'household', recordId: 'r', fields: ['displayName'], ...over,
});

describe('groupAuditEntries', () => {
  it('makes one line of a person’s sync, counting the records by kind and naming each field once', () => {
    const lines = groupAuditEntries([
      entry({ at: '2026-12-05T10:00:05Z', entity: 'task', fields: ['title', 'dueDate'] }),
      entry({ at: '2026-12-05T10:00:04Z', entity: 'task', fields: ['title'] }),
      entry({ at: '2026-12-05T10:00:03Z', entity: 'visit', fields: ['date'] }),
      entry({ at: '2026-12-05T10:00:02Z', entity: 'household', fields: ['displayName', 'adults'] }),
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ count: 4, at: '2026-12-05T10:00:05Z', firstAt: '2026-12-05T10:00:02Z', entities: [{ entity: 'task', n: 2 }, { entity: 'visit', n: 1 }, { entity: 'household', n: 1 }], fields: ['title', 'dueDate', 'date', 'displayName', 'adults'] });
  });

  it('keeps apart other people, changes from reads, look-ups, and a later sync', () => {
    const lines = groupAuditEntries([
      entry({ at: '2026-12-05T12:00:00Z' }),
      entry({ at: '2026-12-05T11:59:59Z', userId: 'u2', userName: 'Ingrid' }),
      entry({ at: '2026-12-05T11:59:58Z', action: 'write', via: 'push' }),
      entry({ at: '2026-12-05T11:59:57Z', via: 'api' }),
      entry({ at: '2026-12-05T11:59:56Z', via: 'api' }),
      entry({ at: '2026-12-05T11:59:55Z' }),
      entry({ at: '2026-12-05T10:00:00Z' }),
    ]);
    expect(lines.map((l) => l.count)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});
