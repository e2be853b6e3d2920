// Demo data: deterministic, valid against every schema and template, internally consistent, and never carrying a verdict.
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../src/core/checklist/templates';
import { validateAnswers } from '../../../../src/core/checklist/validateAnswers';
import { generateDemoData } from '../../../../src/core/demo/generate';
import { createPrng } from '../../../../src/core/demo/prng';
import { DEMO_USERS } from '../../../../src/core/demo/users';
import { entitySchemas, type Household, type Inspection } from '../../../../src/core/schemas';

const { records } = generateDemoData();
const byEntity = (entity: string) => records.filter((r) => r.entity === entity);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('generateDemoData', () => {
  it('gives the same records every time', () => {
    expect(generateDemoData()).toEqual({ records });
    expect(generateDemoData(7)).not.toEqual({ records });
  });

  it('gives every record a unique version-4 UUID', () => {
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('writes only data that its schema accepts unchanged', () => {
    for (const r of records) {
      const parsed = entitySchemas[r.entity].safeParse(r.data);
      expect(parsed.success, `${r.entity} ${r.id}`).toBe(true);
      expect(parsed.data).toEqual(r.data);
    }
  });

  it('has the counts the brief asks for', () => {
    expect(byEntity('dwelling')).toHaveLength(119);
    expect(byEntity('household')).toHaveLength(12);
    expect(byEntity('plan')).toHaveLength(1);
    expect(byEntity('visit').length).toBeGreaterThanOrEqual(5);
    expect(byEntity('task').length).toBeGreaterThanOrEqual(5);
    const households = byEntity('household').map((r) => r.data as Household);
    expect(households.filter((h) => h.priorityFamily)).toHaveLength(5);
    const inspections = byEntity('inspection').map((r) => r.data as Inspection);
    expect(inspections.filter((i) => i.status === 'draft').length).toBeGreaterThanOrEqual(3);
    expect(inspections.some((i) => i.revisionOf)).toBe(true);
  });

  it('completes every completed checklist: no required answer missing, none invalid', () => {
    for (const r of byEntity('inspection')) {
      const inspection = r.data as Inspection;
      if (inspection.status !== 'completed') continue;
      const template = getTemplate(inspection.templateId, inspection.templateVersion);
      expect(template, inspection.templateId).toBeDefined();
      if (template) expect(validateAnswers(template, inspection.answers), `${inspection.templateId} ${r.id}`).toEqual([]);
    }
  });

  it('fills dwelling inspections in version 2, room by room; only completed ones with a TG2 or TG3 grade stay in version 1', () => {
    const dwellingInspections = byEntity('inspection').map((r) => r.data as Inspection).filter((i) => i.templateId === 'dwelling-inspection');
    const grave = (i: Inspection) => JSON.stringify(i.answers).match(/"TG[23]"/) !== null;
    const v2 = dwellingInspections.filter((i) => i.templateVersion === 2);
    const v1 = dwellingInspections.filter((i) => i.templateVersion === 1);
    expect(v2.length).toBeGreaterThanOrEqual(10);
    expect(v1.length + v2.length).toBe(dwellingInspections.length);
    for (const i of v1) expect(i.status === 'completed' && grave(i)).toBe(true);
    for (const i of v2) {
      expect(grave(i)).toBe(false);
      expect(Object.keys(i.answers).some((k) => /^bedroom/.test(k))).toBe(false);
      if (i.status !== 'completed') continue;
      const rooms = i.answers['rooms.list']?.entries ?? [];
      expect(rooms.some((e) => e.answers['type']?.value === 'living')).toBe(true);
    }
    expect(v2.filter((i) => i.status === 'draft').length).toBeGreaterThanOrEqual(3);
  });

  it('points only at records and users that exist', () => {
    const ids = new Set(records.map((r) => r.id));
    const users = new Set(DEMO_USERS.map((u) => u.id));
    for (const r of records) {
      expect(users.has(r.updatedBy)).toBe(true);
      expect(r.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      for (const key of ['dwellingId', 'householdId', 'planId', 'inspectionId', 'sourceVisitId', 'revisionOf'] as const) {
        const target = (r.data as Record<string, unknown>)[key];
        if (typeof target === 'string') expect(ids.has(target), `${r.entity}.${key}`).toBe(true);
      }
    }
  });

  it('never writes a verdict into the data', () => {
    expect(JSON.stringify(records)).not.toMatch(/suited0to3|suited3plus|notSuitable|verdict/);
  });

  it('uses only real Melhus place names and fictional street names', () => {
    const areas = new Set(byEntity('dwelling').map((r) => (r.data as { area: string }).area));
    expect(areas.size).toBeGreaterThanOrEqual(8);
  });
});

describe('createPrng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createPrng(1);
    const b = createPrng(1);
    const c = createPrng(2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});
