/**
 * Findings become follow-up actions: when a dwelling's checklist is completed, every TG2/TG3 condition grade, every
 * yellow or red risk and every failed legal gate (fire, escape route, radon, condition) proposes one action, with the
 * finding it comes from, its photos, the owning unit and a deadline by severity. The severities, their deadlines and
 * whether an open action keeps the dwelling "not suitable" are data here; the inspector confirms or edits the list.
 */
import { shownChecker } from '../checklist/isShown';
import type { Answer, Template } from '../checklist/template';
import { evaluateRule } from '../rules/evaluateRule';
import { defaultRuleSet } from '../rules/defaultRuleSet';
import { riskBand, riskScore } from '../rules/risk';
import type { RuleSet } from '../rules/ruleSet';
import type { Dwelling } from '../schemas/dwelling';
import type { Inspection } from '../schemas/inspection';
import type { OwnerUnit } from '../schemas/ownerUnit';
import type { PhotoRef } from '../sync/protocol';
import type { LocalText } from '../text';

import { ACTION_SEVERITIES } from '../schemas/task';

export { ACTION_SEVERITIES };
/** One severity. */
export type ActionSeverity = (typeof ACTION_SEVERITIES)[number];

/** What a severity asks: days from completion to the deadline, and whether an open action keeps the dwelling unsuitable. */
export type SeverityPolicy = { days: number; blocksVerdict: boolean; label: LocalText };

/** Deadlines by severity (days after the checklist is completed) and which open actions keep the verdict "not suitable". */
export const SEVERITY_POLICY: Record<ActionSeverity, SeverityPolicy> = {
  TG3: { days: 30, blocksVerdict: true, label: { nb: 'TG3', en: 'TG3' } },
  red: { days: 30, blocksVerdict: true, label: { nb: 'rød risiko', en: 'red risk' } },
  gate: { days: 30, blocksVerdict: true, label: { nb: 'krav ikke oppfylt', en: 'requirement not met' } },
  TG2: { days: 90, blocksVerdict: false, label: { nb: 'TG2', en: 'TG2' } },
  yellow: { days: 180, blocksVerdict: false, label: { nb: 'gul risiko', en: 'yellow risk' } },
};

/** The legal gates whose failure proposes an action (fire, escape route, radon, condition). */
export const ACTION_GATES = [
  'gate.smokeDetectors',
  'gate.extinguisher',
  'gate.extinguisherReach',
  'gate.exit',
  'gate.escapeWindows',
  'gate.radon',
  'gate.condition',
] as const;

/** One proposed action, before the inspector confirms it. `key` is the item or rule it comes from. */
export type ProposedAction = {
  key: string;
  severity: ActionSeverity;
  title: LocalText;
  finding: LocalText;
  photos: PhotoRef[];
  ownerUnit: OwnerUnit;
  /** ISO date. */
  dueDate: string;
};

/** `date` (YYYY-MM-DD) plus `days`, as a calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The deadline of a severity, counted from `today`. */
export function deadlineFor(severity: ActionSeverity, today: string): string {
  return addDays(today, SEVERITY_POLICY[severity].days);
}

const photosOf = (answers: readonly (Answer | undefined)[]): PhotoRef[] => {
  const seen = new Map<string, PhotoRef>();
  for (const a of answers) for (const p of a?.photos ?? []) if (!seen.has(p.sha256)) seen.set(p.sha256, p);
  return [...seen.values()];
};

const joinText = (parts: (string | undefined)[]) => parts.filter((p): p is string => Boolean(p && p.trim())).join('. ');

export type ProposeInput = {
  dwelling: Dwelling;
  /** The checklist being completed, with its answers. */
  inspection: Inspection;
  template: Template;
  /** The completion day (Norwegian calendar), YYYY-MM-DD. */
  today: string;
  /** The item or rule keys of the dwelling's actions still open: no second action is proposed for them. */
  openKeys?: ReadonlySet<string>;
  /** The unit that owns a proposed action unless the inspector names another: the settings' unit for actions. */
  ownerUnit: OwnerUnit;
  ruleSet?: RuleSet;
};

/**
 * The actions a completed checklist proposes, most serious first, each item or gate once: graded items and risks
 * shown in the checklist, then failed gates whose items no grade or risk action already covers.
 */
export function proposeActions({ dwelling, inspection, template, today, openKeys = new Set(), ownerUnit, ruleSet = defaultRuleSet }: ProposeInput): ProposedAction[] {
  const answers = inspection.answers;
  const shown = shownChecker(template, answers);
  const out: ProposedAction[] = [];
  const covered = new Set<string>();
  const add = (a: Omit<ProposedAction, 'ownerUnit' | 'dueDate'> & { dueDate?: string }) => {
    covered.add(a.key);
    if (openKeys.has(a.key)) return;
    out.push({ ownerUnit, ...a, dueDate: a.dueDate ?? deadlineFor(a.severity, today) });
  };
  for (const section of template.sections) {
    for (const item of section.items) {
      const answer = answers[item.id];
      if (!answer || !shown(item)) continue;
      const v = answer.value;
      if (item.kind === 'grade' && (v === 'TG2' || v === 'TG3')) {
        const f = answer.finding ?? {};
        const text = joinText([f.cause, f.consequence, f.costEstimate, answer.note]);
        add({
          key: item.id,
          severity: v,
          title: { nb: `Utbedre ${item.label.nb.toLowerCase()} (${v})`, en: `Repair ${item.label.en.toLowerCase()} (${v})` },
          finding: { nb: `${item.label.nb}: ${v}${text ? `. ${text}` : ''}`, en: `${item.label.en}: ${v}${text ? `. ${text}` : ''}` },
          photos: photosOf([answer]),
        });
      } else if (item.kind === 'risk' && v && typeof v === 'object' && !Array.isArray(v)) {
        const score = riskScore(v);
        const band = riskBand(score, ruleSet.thresholds);
        if (band === 'green') continue;
        const measure = v.measure?.trim();
        const bandText = band === 'red' ? { nb: 'rød', en: 'red' } : { nb: 'gul', en: 'yellow' };
        add({
          key: item.id,
          severity: band,
          title: measure ? { nb: measure, en: measure } : { nb: `Tiltak mot risiko: ${item.label.nb.toLowerCase()}`, en: `Measure against risk: ${item.label.en.toLowerCase()}` },
          finding: {
            nb: `${item.label.nb}: ${v.likelihood} × ${v.consequence} = ${score} (${bandText.nb})${answer.note ? `. ${answer.note}` : ''}`,
            en: `${item.label.en}: ${v.likelihood} × ${v.consequence} = ${score} (${bandText.en})${answer.note ? `. ${answer.note}` : ''}`,
          },
          photos: photosOf([answer]),
          // A deadline the inspector set on the risk itself is kept.
          dueDate: v.deadline,
        });
      }
    }
  }
  const filled = new Map([[inspection.templateId, { inspection, template }]]);
  const ctx = { dwelling, filled, thresholds: ruleSet.thresholds };
  for (const rule of ruleSet.rules) {
    if (!(ACTION_GATES as readonly string[]).includes(rule.id)) continue;
    if (!('template' in rule.check) || rule.check.template !== inspection.templateId) continue;
    const result = evaluateRule(rule, ctx);
    if (result.status !== 'failed') continue;
    // A graded item that failed the gate (TG3) already has its own action: the condition gate adds nothing then.
    const items = result.itemIds.filter((id) => !id.startsWith('dwelling.'));
    if (items.some((id) => covered.has(id))) continue;
    add({
      key: rule.id,
      severity: 'gate',
      title: { nb: `Rett opp: ${rule.subject.nb.toLowerCase()}`, en: `Put right: ${rule.subject.en.toLowerCase()}` },
      finding: result.reason,
      photos: photosOf(items.map((id) => answers[id])),
    });
  }
  const rank = (s: ActionSeverity) => ACTION_SEVERITIES.indexOf(s);
  return out.sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** The facts of a dwelling's action that the verdict reads. */
export type ActionFacts = { title: string; status: string; severity?: ActionSeverity | null; dueDate: string };

/** A dwelling's follow-up actions (tasks naming a dwelling and no household), grouped by the dwelling. */
export function actionsByDwelling<T extends ActionFacts & { dwellingId?: string | null; householdId?: string | null }>(tasks: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of tasks) {
    const d = t.dwellingId;
    if (!d || t.householdId) continue;
    let list = out.get(d);
    if (!list) out.set(d, (list = []));
    list.push(t);
  }
  return out;
}

/** The open actions that keep a dwelling "not suitable" (TG3, red risk, failed gate), most urgent deadline first. */
export function blockingActions<T extends ActionFacts>(actions: readonly T[]): T[] {
  return actions
    .filter((a) => a.status === 'open' && a.severity && SEVERITY_POLICY[a.severity].blocksVerdict)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
