/** The demo accounts (password `demo`), with fixed ids so demo records can point at them. */
import type { SessionUser } from '../entities';
import type { OwnerUnit } from '../schemas/ownerUnit';

/** Password of every demo account. */
export const DEMO_PASSWORD = 'demo';

/** Demo accounts: one per role. */
export const DEMO_USERS: readonly SessionUser[] = [
  { id: '00000000-0000-4000-8000-000000000001', username: 'admin', name: 'Ada Administrator', roles: ['admin'] },
  { id: '00000000-0000-4000-8000-000000000002', username: 'inspektor', name: 'Ivar Inspektør', roles: ['inspector'] },
  { id: '00000000-0000-4000-8000-000000000003', username: 'boveileder', name: 'Berit Boveileder', roles: ['counsellor'] },
  { id: '00000000-0000-4000-8000-000000000004', username: 'inntak', name: 'Ingrid Inntak', roles: ['intake'] },
];

/**
 * The demo accounts' units (ids of the demo settings' units): the intake-team member sits for the labour and welfare
 * office, so a demo consent naming it shows her the household; the inspector and the counsellor work for property services.
 */
export const DEMO_USER_UNITS: Readonly<Record<string, readonly OwnerUnit[]>> = {
  '00000000-0000-4000-8000-000000000004': ['nav'],
  '00000000-0000-4000-8000-000000000003': ['buildingsAndProperty'],
  '00000000-0000-4000-8000-000000000002': ['buildingsAndProperty'],
};
