// The pure access rules: who reads which household records and fields, and who may write them.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../src/core/entities';
import { isPrivacyGoverned, privacyReadView, privacyWriteDenial, type HouseholdFacts, type Links, type Viewer } from '../../../../src/core/privacy/recordAccess';

const now = new Date('2026-03-01T12:00:00Z');
const me = 'c0000000-0000-4000-8000-000000000001';
const colleague = 'c0000000-0000-4000-8000-000000000002';
const viewer = (roles: Role[], units: Viewer['units'] = [], id = me): Viewer => ({ id, roles, units });
const counsellor = viewer(['counsellor']);
const admin = viewer(['admin'], [], 'a0000000-0000-4000-8000-000000000001');
const navIntake = viewer(['intake'], ['nav'], 'i0000000-0000-4000-8000-000000000001');
const inspector = viewer(['inspector'], ['buildingsAndProperty'], 'b0000000-0000-4000-8000-000000000001');

const consent = { givenBy: 'far', givenAt: '2026-01-01T10:00:00Z', expiresAt: '2026-12-31', method: 'paper' as const, scope: { nav: ['composition', 'tasks'] } };
const household = {
  displayName: 'Familie Sør',
  adults: 1,
  childBirthYears: [2020],
  priorityFamily: false,
  counsellorIds: [me],
  consent,
  needs: { accessibility: 'none', preferredAreas: [] },
  notes: 'Bare for boveileder',
};
const households: Record<string, HouseholdFacts> = {
  mine: household,
  theirs: { ...household, counsellorIds: [colleague] },
  noConsent: { ...household, consent: null },
  withdrawn: { ...household, consent: { ...consent, withdrawnAt: '2026-02-01T10:00:00Z' } },
};
const links: Links = {
  household: (id) => households[id] ?? null,
  plan: (id) => (id === 'myPlan' ? { coordinatorId: me } : id === 'theirPlan' ? { coordinatorId: colleague } : null),
};

describe('reading a household', () => {
  it('shows everything to its counsellor and to administrators, with or without consent', () => {
    for (const h of Object.values(households).filter((h) => h.counsellorIds?.includes(me))) {
      expect(privacyReadView(counsellor, 'household', h, links, now)).toBe(h);
    }
    expect(privacyReadView(admin, 'household', households.noConsent!, links, now)).toBe(households.noConsent);
  });

  it('shows nothing to another counsellor or an inspector, even with consent', () => {
    expect(privacyReadView(counsellor, 'household', households.theirs!, links, now)).toBeNull();
    expect(privacyReadView(inspector, 'household', household, links, now)).toBeNull();
  });

  it('shows the intake team only the consented fields of its unit', () => {
    expect(privacyReadView(navIntake, 'household', household, links, now)).toEqual({
      displayName: 'Familie Sør',
      adults: 1,
      childBirthYears: [2020],
      priorityFamily: false,
      counsellorIds: [me],
    });
    expect(privacyReadView(viewer(['intake'], ['husbanken']), 'household', household, links, now)).toBeNull();
    expect(privacyReadView(viewer(['intake'], []), 'household', household, links, now)).toBeNull();
  });

  it('shows the intake team nothing without consent, after withdrawal, or after expiry', () => {
    expect(privacyReadView(navIntake, 'household', households.noConsent!, links, now)).toBeNull();
    expect(privacyReadView(navIntake, 'household', households.withdrawn!, links, now)).toBeNull();
    expect(privacyReadView(navIntake, 'household', household, links, new Date('2027-01-01T12:00:00Z'))).toBeNull();
  });
});

describe('reading what belongs to a household', () => {
  const visit = { householdId: 'mine', date: '2026-02-01', counsellorId: me };
  const homeVisit = { templateId: 'home-visit', householdId: 'mine', answers: { 'concern.child': { value: true } } };

  it('keeps visits and home-visit checklists with the counsellor and administrators, whatever the consent', () => {
    expect(privacyReadView(counsellor, 'visit', visit, links, now)).toBe(visit);
    expect(privacyReadView(admin, 'visit', visit, links, now)).toBe(visit);
    expect(privacyReadView(navIntake, 'visit', visit, links, now)).toBeNull();
    expect(privacyReadView(navIntake, 'inspection', homeVisit, links, now)).toBeNull();
    expect(privacyReadView(viewer(['counsellor'], [], colleague), 'visit', visit, links, now)).toBeNull();
    expect(privacyReadView(counsellor, 'visit', { ...visit, householdId: 'unknown' }, links, now)).toBeNull();
  });

  it('shows a unit the tasks it owns when consent covers tasks, without where they were agreed', () => {
    const task = { title: 'Søke bostøtte', ownerUnit: 'nav', householdId: 'mine', dueDate: '2026-03-15', status: 'open', sourceVisitId: 'v1' };
    expect(privacyReadView(navIntake, 'task', task, links, now)).toEqual({
      title: 'Søke bostøtte', ownerUnit: 'nav', householdId: 'mine', dueDate: '2026-03-15', status: 'open',
    });
    expect(privacyReadView(navIntake, 'task', { ...task, ownerUnit: 'husbanken' }, links, now)).toBeNull();
    expect(privacyReadView(navIntake, 'task', { ...task, householdId: 'withdrawn' }, links, now)).toBeNull();
    expect(privacyReadView(navIntake, 'task', { ...task, householdId: 'noConsent' }, links, now)).toBeNull();
    expect(privacyReadView(navIntake, 'task', { ...task, householdId: null }, links, now)).toEqual(expect.objectContaining({ title: 'Søke bostøtte' }));
    expect(privacyReadView(counsellor, 'task', task, links, now)).toBe(task);
    expect(privacyReadView(inspector, 'task', task, links, now)).toBeNull();
  });

  it('keeps a Foyer plan and its follow-ups with the coordinator and administrators', () => {
    const plan = { youthAlias: 'Ung A', coordinatorId: me };
    expect(privacyReadView(counsellor, 'plan', plan, links, now)).toBe(plan);
    expect(privacyReadView(viewer(['counsellor'], [], colleague), 'plan', plan, links, now)).toBeNull();
    expect(privacyReadView(navIntake, 'plan', plan, links, now)).toBeNull();
    expect(privacyReadView(counsellor, 'inspection', { planId: 'myPlan' }, links, now)).not.toBeNull();
    expect(privacyReadView(counsellor, 'inspection', { planId: 'theirPlan' }, links, now)).toBeNull();
  });

  it('leaves dwelling checklists and dwellings to the role table', () => {
    expect(isPrivacyGoverned('inspection', { templateId: 'dwelling-inspection', dwellingId: 'd' })).toBe(false);
    expect(isPrivacyGoverned('inspection', { templateId: 'home-visit', householdId: 'h' })).toBe(true);
    expect(isPrivacyGoverned('dwelling', {})).toBe(false);
    expect(isPrivacyGoverned('allocation', {})).toBe(false);
  });
});

describe('writing', () => {
  const write = (v: Viewer, entity: Parameters<typeof privacyWriteDenial>[1], before: object | null, after: object | null) =>
    privacyWriteDenial(v, entity, before as Record<string, unknown> | null, after as Record<string, unknown> | null, links, now);

  it('lets a counsellor create a household only with themselves assigned, and change only their own', () => {
    expect(write(counsellor, 'household', null, household)).toBeNull();
    expect(write(counsellor, 'household', null, households.theirs!)?.message.nb).toMatch(/ny husstand/);
    expect(write(counsellor, 'household', households.theirs!, { ...households.theirs!, counsellorIds: [me] })).not.toBeNull();
    // Handing over to a colleague is allowed; afterwards the household leaves the counsellor's device.
    expect(write(counsellor, 'household', household, { ...household, counsellorIds: [colleague] })).toBeNull();
    expect(write(counsellor, 'household', household, null)).toBeNull();
  });

  it('refuses household writes from the intake team and inspectors, even with consent', () => {
    expect(write(navIntake, 'household', household, { ...household, adults: 2 })).not.toBeNull();
    expect(write(inspector, 'household', null, { ...household, counsellorIds: [inspector.id] })).not.toBeNull();
    expect(write(admin, 'household', households.theirs!, null)).toBeNull();
  });

  it('lets a counsellor write visits only for households they follow, also when moving one', () => {
    const visit = { householdId: 'mine', date: '2026-02-01', counsellorId: me };
    expect(write(counsellor, 'visit', null, visit)).toBeNull();
    expect(write(counsellor, 'visit', null, { ...visit, householdId: 'theirs' })).not.toBeNull();
    expect(write(counsellor, 'visit', visit, { ...visit, householdId: 'theirs' })).not.toBeNull();
    expect(write(counsellor, 'visit', null, { ...visit, householdId: 'unknown' })).not.toBeNull();
    expect(write(navIntake, 'visit', null, visit)).not.toBeNull();
  });

  it('lets a unit only mark its own consented task done', () => {
    const task = { title: 'Søke bostøtte', ownerUnit: 'nav', householdId: 'mine', dueDate: '2026-03-15', status: 'open' };
    const done = { ...task, status: 'done', doneAt: '2026-03-10T10:00:00Z' };
    expect(write(navIntake, 'task', task, done)).toBeNull();
    expect(write(navIntake, 'task', task, { ...done, dueDate: '2026-04-01' })?.message.en).toMatch(/mark your unit/);
    expect(write(navIntake, 'task', { ...task, ownerUnit: 'husbanken' }, { ...task, ownerUnit: 'husbanken', status: 'done' })).not.toBeNull();
    expect(write(navIntake, 'task', { ...task, householdId: 'withdrawn' }, { ...task, householdId: 'withdrawn', status: 'done' })).not.toBeNull();
    expect(write(navIntake, 'task', null, task)).not.toBeNull();
    expect(write(counsellor, 'task', null, task)).toBeNull();
    expect(write(counsellor, 'task', null, { ...task, householdId: 'theirs' })).not.toBeNull();
    expect(write(counsellor, 'task', null, { ...task, householdId: null })).toBeNull();
    expect(write(inspector, 'task', null, { ...task, householdId: null })).not.toBeNull();
  });

  it('lets only the coordinator write a Foyer plan and its follow-ups', () => {
    const plan = { youthAlias: 'Ung A', coordinatorId: me };
    expect(write(counsellor, 'plan', null, plan)).toBeNull();
    expect(write(counsellor, 'plan', null, { ...plan, coordinatorId: colleague })).not.toBeNull();
    expect(write(counsellor, 'plan', { ...plan, coordinatorId: colleague }, plan)).not.toBeNull();
    expect(write(counsellor, 'inspection', null, { planId: 'myPlan' })).toBeNull();
    expect(write(counsellor, 'inspection', null, { planId: 'theirPlan' })).not.toBeNull();
    expect(write(navIntake, 'plan', null, { ...plan, coordinatorId: navIntake.id })).not.toBeNull();
  });
});

describe("a dwelling's follow-up action", () => {
  const action = { title: 'Tett sluk', ownerUnit: 'buildingsAndProperty', dwellingId: 'd0000000-0000-4000-8000-000000000001', householdId: null, dueDate: '2026-04-01', status: 'open', severity: 'TG3' };
  const unitCounsellor = viewer(['counsellor'], ['buildingsAndProperty']);
  const table: [string, Viewer, boolean][] = [
    ['administrator', admin, true],
    ['inspector', inspector, true],
    ['a counsellor in the owning unit', unitCounsellor, true],
    ['a counsellor in no unit', counsellor, false],
    ['intake in the owning unit', viewer(['intake'], ['buildingsAndProperty']), true],
  ];
  it.each(table)('is seen whole by %s: %s', (_name, who, sees) => {
    expect(isPrivacyGoverned('task', action)).toBe(true);
    expect(privacyReadView(who, 'task', action, links, now)).toBe(sees ? action : null);
  });

  it("is seen by the rest of the intake team as far as the dwelling's verdict reads it, without the finding or photos", () => {
    const whole = { ...action, finding: 'Fukt i veggen bak dusjen', photos: [{ sha256: 'a'.repeat(64), mime: 'image/jpeg' }], sourceInspectionId: 'i0000000-0000-4000-8000-000000000001' };
    expect(privacyReadView(navIntake, 'task', whole, links, now)).toEqual({
      title: 'Tett sluk',
      ownerUnit: 'buildingsAndProperty',
      dwellingId: action.dwellingId,
      householdId: null,
      severity: 'TG3',
      dueDate: '2026-04-01',
      status: 'open',
    });
  });

  it('is created and changed by inspectors, and closed with a note by its unit, never by others', () => {
    const closed = { ...action, status: 'done', doneAt: '2026-03-02T10:00:00Z', closeNote: 'Nytt sluk lagt' };
    expect(privacyWriteDenial(inspector, 'task', null, action, links, now)).toBeNull();
    expect(privacyWriteDenial(inspector, 'task', action, { ...action, dueDate: '2026-05-01' }, links, now)).toBeNull();
    expect(privacyWriteDenial(unitCounsellor, 'task', action, closed, links, now)).toBeNull();
    expect(privacyWriteDenial(unitCounsellor, 'task', action, { ...action, dueDate: '2027-01-01' }, links, now)?.message.en).toMatch(/unit that owns an action can close it/);
    expect(privacyWriteDenial(unitCounsellor, 'task', null, action, links, now)).not.toBeNull();
    expect(privacyWriteDenial(counsellor, 'task', action, closed, links, now)).not.toBeNull();
    expect(privacyWriteDenial(navIntake, 'task', action, closed, links, now)).not.toBeNull();
    // Nobody but an administrator moves an action onto a household (and out of the inspectors' sight).
    expect(privacyWriteDenial(inspector, 'task', action, { ...action, householdId: 'mine' }, links, now)?.message.en).toMatch(/cannot be turned into/);
    expect(privacyWriteDenial(counsellor, 'task', { ...action, householdId: 'mine' }, action, links, now)?.message.en).toMatch(/cannot be turned into/);
  });

  it('leaves household tasks out of the inspector\'s reach', () => {
    const task = { title: 'Søke bostøtte', ownerUnit: 'buildingsAndProperty', householdId: 'mine', dueDate: '2026-04-01', status: 'open' };
    expect(privacyReadView(inspector, 'task', task, links, now)).toBeNull();
    expect(privacyWriteDenial(inspector, 'task', task, { ...task, status: 'done' }, links, now)).not.toBeNull();
    expect(privacyWriteDenial(inspector, 'task', null, { ...task, householdId: null }, links, now)).not.toBeNull();
  });
});
