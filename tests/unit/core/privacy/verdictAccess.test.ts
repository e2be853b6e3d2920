// Who is shown dwellings' verdicts: exactly the roles the server sends dwelling checklists to.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../../src/core/entities';
import { seesVerdicts } from '../../../../src/core/privacy/verdictAccess';
import { readView, type PolicyContext } from '../../../../src/server/sync/policy';

const ctx: PolicyContext = { viewer: { id: 'u1', roles: [], units: [] }, links: { household: () => null, plan: () => null }, now: new Date('2026-12-05T12:00:00Z') };
const checklist = { data: { templateId: 'A', templateVersion: 1, dwellingId: 'd1', status: 'completed', answers: {} } };

describe('seesVerdicts', () => {
  it.each(ROLES.map((r) => [r]))('agrees with the server about %s', (role) => {
    const user = { id: 'u1', username: 'x', name: 'X', roles: [role] };
    const receives = readView(user, 'inspection', checklist, { ...ctx, viewer: { ...ctx.viewer, roles: [role] } }) !== null;
    expect(seesVerdicts([role])).toBe(receives);
  });

  it('lets a counsellor see none and a counsellor who also inspects see them', () => {
    expect(seesVerdicts(['counsellor'])).toBe(false);
    expect(seesVerdicts(['counsellor', 'inspector'])).toBe(true);
  });
});
