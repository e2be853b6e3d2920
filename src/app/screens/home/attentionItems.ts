/** What needs this person now, counted from what the device holds: late tasks, consents to record, vacant dwellings. */
import type { Role } from '../../../core/entities';
import { consentState } from '../../../core/privacy/consentState';
import type { Allocation } from '../../../core/schemas/allocation';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Household } from '../../../core/schemas/household';
import type { Task } from '../../../core/schemas/task';
import { isVacant } from '../../../core/matching/vacancy';
import { seesAll } from '../households/householdFacts';

/** One line of the home screen's "needs you now": what, how many, and where to deal with it. */
export type AttentionItem = { key: 'overdueTasks' | 'openTasks' | 'consentMissing' | 'vacantDwellings'; n: number; href: string };

/** What the counts are made from; lists the role may not read are simply absent. */
export type AttentionInput = {
  user: { id: string; roles: readonly Role[] };
  tasks: readonly Task[];
  households: readonly Partial<Household>[];
  /** Dwellings with when each record last changed (ISO time), and the allocations that may hold them. */
  dwellings?: readonly (Pick<Dwelling, 'vacant'> & { id: string; changedAt?: string })[];
  allocations?: readonly Allocation[];
  /** Today in Norway, yyyy-mm-dd. */
  today: string;
  now: Date;
};

/**
 * The lines worth a person's attention, most pressing first, leaving out those that count nothing. Consent counts only
 * households this person follows whose consent is missing or has run out: a withdrawal was the family's choice.
 */
export function attentionItems({ user, tasks, households, dwellings, allocations = [], today, now }: AttentionInput): AttentionItem[] {
  const open = tasks.filter((t) => t.status === 'open');
  const overdue = open.filter((t) => t.dueDate < today).length;
  const items: AttentionItem[] = [
    { key: 'overdueTasks', n: overdue, href: '/tasks' },
    { key: 'openTasks', n: open.length - overdue, href: '/tasks' },
  ];
  const mine = households.filter((h) => seesAll(h, user));
  const missing = mine.filter((h) => ['none', 'expired'].includes(consentState(h.consent, now))).length;
  items.push({ key: 'consentMissing', n: missing, href: '/households' });
  if (dwellings && (user.roles.includes('intake') || user.roles.includes('admin'))) {
    items.push({ key: 'vacantDwellings', n: dwellings.filter((d) => isVacant(d, allocations, today, d.changedAt)).length, href: '/match' });
  }
  return items.filter((i) => i.n > 0);
}
