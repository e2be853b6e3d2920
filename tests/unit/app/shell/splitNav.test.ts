// Which entries the phone's bottom bar keeps for each role, and that nothing is lost between bar and "Mer".
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../../src/core/entities';
import { BAR_SLOTS, splitNav } from '../../../../src/app/shell/splitNav';

// The navigation entries each role may open, in navigation order (as the route table gives them).
const ALL = ['/', '/dwellings', '/households', '/tasks', '/foyer', '/overview', '/match', '/allocations', '/sync', '/settings'];
const OPENS: Record<Role, string[]> = {
  inspector: ['/', '/dwellings', '/sync', '/settings'],
  counsellor: ['/', '/households', '/tasks', '/foyer', '/sync', '/settings'],
  intake: ['/', '/dwellings', '/households', '/tasks', '/overview', '/match', '/allocations', '/sync', '/settings'],
  admin: ALL,
};

describe('splitNav', () => {
  it('keeps every entry in the bar when they fit', () => {
    expect(splitNav(OPENS.inspector, ['inspector'])).toEqual({ bar: OPENS.inspector, more: [] });
    expect(splitNav(ALL.slice(0, BAR_SLOTS), ['admin']).more).toEqual([]);
  });

  it('gives each role its most used four, in navigation order, and the rest under "Mer"', () => {
    expect(splitNav(OPENS.counsellor, ['counsellor'])).toEqual({
      bar: ['/', '/households', '/tasks', '/foyer'],
      more: ['/sync', '/settings'],
    });
    expect(splitNav(OPENS.intake, ['intake'])).toEqual({
      bar: ['/', '/overview', '/match', '/allocations'],
      more: ['/dwellings', '/households', '/tasks', '/sync', '/settings'],
    });
    expect(splitNav(ALL, ['admin']).bar).toEqual(['/', '/dwellings', '/households', '/tasks']);
  });

  it('takes the top of each role in turn for a person with two roles', () => {
    const paths = ['/', '/dwellings', '/households', '/tasks', '/foyer', '/sync', '/settings'];
    expect(splitNav(paths, ['inspector', 'counsellor']).bar).toEqual(['/', '/dwellings', '/households', '/tasks']);
  });

  it('never loses or repeats an entry, and never needs more than five slots', () => {
    const subsets: Role[][] = [[], ...ROLES.map((r) => [r]), ['intake', 'counsellor'], ['admin', 'inspector'], [...ROLES]];
    for (const roles of subsets) {
      const paths = ALL.filter((p) => roles.some((r) => OPENS[r].includes(p)) || roles.length === 0);
      const { bar, more } = splitNav(paths, roles);
      expect([...bar, ...more].sort(), roles.join('+')).toEqual([...paths].sort());
      expect(bar.length + (more.length > 0 ? 1 : 0)).toBeLessThanOrEqual(BAR_SLOTS);
      expect(bar).toEqual(paths.filter((p) => bar.includes(p)));
    }
  });
});
