// Findings → actions, table-driven at the boundaries: which answer proposes an action, of which severity, due when;
// and an open TG3/red/gate action keeping the verdict at "not suitable" until it is closed.
import { describe, expect, it } from 'vitest';
import {
  SEVERITY_POLICY,
  addDays,
  blockingActions,
  proposeActions,
  type ActionFacts,
  type ActionSeverity,
} from '../../../../src/core/actions/findingActions';
import type { Answers } from '../../../../src/core/checklist/template';
import { getTemplate, latestTemplate, TEMPLATE_IDS } from '../../../../src/core/checklist/templates';
import { assessDwelling, verdictOf } from '../../../../src/core/rules/assessDwelling';
import { completed, goodA, goodC, goodDwelling, goodInspections } from '../rules/fixture';

const TODAY = '2026-03-01';
const v = (value: unknown, extra: Partial<Answers[string]> = {}) => ({ value, ...extra }) as Answers[string];
const photo = (n: number) => ({ sha256: String(n).repeat(64).slice(0, 64), mime: 'image/jpeg' as const, takenAt: '2026-03-01T10:00:00Z' });

function proposeA(change: Answers, openKeys?: Set<string>) {
  const inspection = completed(TEMPLATE_IDS.dwellingInspection, { ...goodA(), ...change });
  return proposeActions({ dwelling: goodDwelling(), inspection, template: getTemplate(TEMPLATE_IDS.dwellingInspection, inspection.templateVersion)!, today: TODAY, openKeys, ownerUnit: 'eiendom' });
}
function proposeC(change: Answers) {
  const inspection = completed(TEMPLATE_IDS.riskAssessment, { ...goodC(), ...change });
  return proposeActions({ dwelling: goodDwelling(), inspection, template: latestTemplate(TEMPLATE_IDS.riskAssessment)!, today: TODAY, ownerUnit: 'eiendom' });
}

type Case = { name: string; run: () => ReturnType<typeof proposeActions>; expect: [key: string, severity: ActionSeverity, due: string][] };

const cases: Case[] = [
  { name: 'all good: nothing', run: () => proposeA({}), expect: [] },
  { name: 'TG1: nothing', run: () => proposeA({ 'condition.wetRooms': v('TG1') }), expect: [] },
  { name: 'TG2: 90 days', run: () => proposeA({ 'condition.wetRooms': v('TG2') }), expect: [['condition.wetRooms', 'TG2', '2026-05-30']] },
  // The condition gate fails on the TG3 item, which already has its own action: one action, not two.
  { name: 'TG3: 30 days, no second gate action', run: () => proposeA({ 'condition.wetRooms': v('TG3') }), expect: [['condition.wetRooms', 'TG3', '2026-03-31']] },
  { name: 'TGIU: nothing', run: () => proposeA({ 'condition.wetRooms': v('TGIU') }), expect: [] },
  { name: 'TG3 with an open action already: nothing new', run: () => proposeA({ 'condition.wetRooms': v('TG3') }, new Set(['condition.wetRooms'])), expect: [] },
  { name: 'radon 200: nothing', run: () => proposeA({ 'radon.bqm3': v(200) }), expect: [] },
  { name: 'radon 201: gate', run: () => proposeA({ 'radon.bqm3': v(201) }), expect: [['gate.radon', 'gate', '2026-03-31']] },
  { name: 'no smoke detector on a floor: fire gate', run: () => proposeA({ 'fire.smokeDetectorsPerFloor': v(false) }), expect: [['gate.smokeDetectors', 'gate', '2026-03-31']] },
  { name: 'no exit to open air: escape gate', run: () => proposeA({ 'escape.exitToOpenAir': v(false) }), expect: [['gate.exit', 'gate', '2026-03-31']] },
  {
    name: 'most serious first',
    run: () => proposeA({ 'condition.electrical': v('TG2'), 'radon.bqm3': v(450), 'condition.dampMould': v('TG3') }),
    expect: [['condition.dampMould', 'TG3', '2026-03-31'], ['gate.radon', 'gate', '2026-03-31'], ['condition.electrical', 'TG2', '2026-05-30']],
  },
  { name: 'risk 2×2 = 4 green: nothing', run: () => proposeC({ 'risk.fellowTenants': v({ likelihood: 2, consequence: 2 }) }), expect: [] },
  { name: 'risk 1×5 = 5 yellow: 180 days', run: () => proposeC({ 'risk.fellowTenants': v({ likelihood: 1, consequence: 5 }) }), expect: [['risk.fellowTenants', 'yellow', '2026-08-28']] },
  { name: 'risk 3×3 = 9 yellow', run: () => proposeC({ 'risk.fellowTenants': v({ likelihood: 3, consequence: 3 }) }), expect: [['risk.fellowTenants', 'yellow', '2026-08-28']] },
  { name: 'risk 2×5 = 10 red: 30 days', run: () => proposeC({ 'risk.fellowTenants': v({ likelihood: 2, consequence: 5 }) }), expect: [['risk.fellowTenants', 'red', '2026-03-31']] },
  {
    name: "red risk with the inspector's own deadline keeps it",
    run: () => proposeC({ 'risk.fellowTenants': v({ likelihood: 5, consequence: 5, measure: 'Bytte lås', owner: 'Vaktmester', deadline: '2026-03-10', likelihoodAfter: 1, consequenceAfter: 5 }) }),
    expect: [['risk.fellowTenants', 'red', '2026-03-10']],
  },
];

describe('proposeActions', () => {
  it.each(cases)('$name', ({ run, expect: want }) => {
    expect(run().map((a) => [a.key, a.severity, a.dueDate])).toEqual(want);
  });

  it('carries the finding in words, its photos, and Bygg og eiendom as owner', () => {
    const [a] = proposeA({ 'condition.wetRooms': v('TG3', { finding: { cause: 'Lekkasje ved sluk', consequence: 'Råte i bjelkelag', costEstimate: '80 000 kr' }, photos: [photo(1), photo(2)] }) });
    expect(a).toMatchObject({ ownerUnit: 'eiendom', photos: [photo(1), photo(2)] });
    expect(a!.finding.nb).toMatch(/TG3\. Lekkasje ved sluk\. Råte i bjelkelag\. 80 000 kr$/);
    expect(a!.title.nb).toMatch(/^Utbedre .*\(TG3\)$/);
    const [r] = proposeC({ 'risk.fellowTenants': v({ likelihood: 5, consequence: 4, measure: 'Bytte lås på inngangsdør' }) });
    expect(r!.title).toEqual({ nb: 'Bytte lås på inngangsdør', en: 'Bytte lås på inngangsdør' });
    expect(r!.finding.en).toMatch(/5 × 4 = 20 \(red\)/);
  });

  it('ignores the answer of an item the checklist no longer shows', () => {
    // The balcony's grade is asked only when there is a balcony.
    expect(proposeA({ 'condition.hasBalcony': v(false), 'condition.balcony': v('TG3') }).map((a) => a.key)).not.toContain('condition.balcony');
  });
});

describe('deadlines by severity', () => {
  it.each([
    ['TG3', 30, true],
    ['red', 30, true],
    ['gate', 30, true],
    ['TG2', 90, false],
    ['yellow', 180, false],
  ] as const)('%s: %i days, blocks the verdict: %s', (severity, days, blocks) => {
    expect(SEVERITY_POLICY[severity]).toMatchObject({ days, blocksVerdict: blocks });
  });
  it('counts calendar days across month and year ends', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('an open action and the verdict', () => {
  const action = (severity: ActionSeverity | null, status: string, dueDate = '2026-03-31'): ActionFacts => ({ title: `Tiltak ${severity}`, status, severity, dueDate });
  const table: [string, ActionFacts[], string][] = [
    ['no actions', [], 'suited0to3'],
    ['open TG3', [action('TG3', 'open')], 'notSuitable'],
    ['open red risk', [action('red', 'open')], 'notSuitable'],
    ['open failed gate', [action('gate', 'open')], 'notSuitable'],
    ['closed TG3', [action('TG3', 'done')], 'suited0to3'],
    ['open TG2', [action('TG2', 'open')], 'suited0to3'],
    ['open yellow', [action('yellow', 'open')], 'suited0to3'],
    ['an ordinary task', [action(null, 'open')], 'suited0to3'],
  ];
  it.each(table)('%s → %s', (_name, actions, verdict) => {
    const a = assessDwelling(goodDwelling(), goodInspections(), undefined, { actions });
    expect(a.verdict).toBe(verdict);
    expect(verdictOf(goodDwelling(), goodInspections(), undefined, actions)).toBe(verdict);
  });
  it('names every open blocking action with its deadline as the reason, earliest first', () => {
    const a = assessDwelling(goodDwelling(), goodInspections(), undefined, {
      actions: [{ title: 'Tett sluk', status: 'open', severity: 'TG3', dueDate: '2026-04-01' }, { title: 'Ny røykvarsler', status: 'open', severity: 'gate', dueDate: '2026-03-15' }],
    });
    expect(a.because).toEqual(['gate.openActions']);
    expect(a.rules.find((r) => r.ruleId === 'gate.openActions')!.reason.nb).toBe('2 åpne tiltak etter befaring må lukkes først: Ny røykvarsler (2026-03-15); Tett sluk (2026-04-01)');
    expect(blockingActions([action('TG2', 'open')])).toEqual([]);
  });
});
