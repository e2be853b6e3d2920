/** One line of the household access log, as the server keeps it and the administrators' screen shows it. */
import type { EntityName } from '../entities';

/** Who read or changed which fields of which record, when, and through which door (sync or a look-up). */
export type AuditEntry = {
  seq: number;
  at: string;
  userId: string;
  userName: string | null;
  action: 'read' | 'write';
  via: 'pull' | 'push' | 'api';
  entity: EntityName;
  recordId: string;
  fields: string[];
};
