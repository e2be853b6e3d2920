/**
 * The intake overview and a matching query over 10,000 dwellings, on the device in Chromium (target: each ≤ 100 ms).
 * The core code the app runs is bundled with Vite and timed inside a headless Chromium page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { launchChromium } from '../support/browser';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DWELLINGS = 10_000;
const RUNS = 7;
const TARGET_MS = 100;

// The page's entry: demo data copied under new ids (as tests/bench/core.bench.ts does), and the steps the screens run.
const ENTRY = `
import { generateDemoData } from '${ROOT}src/core/demo/generate';
import { createPrng } from '${ROOT}src/core/demo/prng';
import { computeFigures } from '${ROOT}src/core/figures/computeFigures';
import { trendFigures } from '${ROOT}src/core/figures/trendFigures';
import { toMatchCandidates } from '${ROOT}src/core/matching/toMatchCandidates';
import { matchDwellings } from '${ROOT}src/core/matching/match';
import { recordsVersion } from '${ROOT}src/app/screens/intake/recordsVersion';
import { dwellingStamps } from '${ROOT}src/app/screens/intake/dwellingStamps';
import { VerdictMemo } from '${ROOT}src/app/screens/intake/VerdictMemo';

function buildInput(n) {
  const { records } = generateDemoData();
  const rng = createPrng(42);
  const base = records.filter((r) => r.entity === 'dwelling');
  const own = new Map();
  for (const r of records) if (r.entity === 'inspection' && r.data.dwellingId) own.set(r.data.dwellingId, [...(own.get(r.data.dwellingId) ?? []), r.data]);
  const dwellings = [], inspections = [], allocations = [];
  for (let i = 0; i < n; i++) {
    const source = base[i % base.length];
    const id = rng.uuid();
    dwellings.push({ ...source.data, id });
    for (const x of own.get(source.id) ?? []) inspections.push({ ...x, id: rng.uuid(), dwellingId: id });
    if (i % 4 === 0) allocations.push({ id: rng.uuid(), dwellingId: id, date: (2018 + (i % 8)) + '-06-01', householdHasChildren: i % 3 !== 0, childrenCount: i % 3 !== 0 ? 2 : 0, leaseType: 'openEnded' });
  }
  return { dwellings, inspections, allocations };
}

const time = (f) => { const t = performance.now(); const value = f(); return { ms: performance.now() - t, value }; };
const needs = { adults: 2, childAges: [4, 9], stepFree: false, preferredAreas: ['Gimse', 'Hovin'], neededBy: '2026-12-01' };

window.intakeBench = (n, runs) => {
  const input = buildInput(n);
  const out = { dwellings: input.dwellings.length, inspections: input.inspections.length, overview: [], figures: [], trend: [], reopen: [], changed: [], changedAll: [], prepare: [], query: [], matches: 0 };
  const stamp = (entity) => (x) => ({ entity, id: x.id, rev: 3, updatedAt: '2026-11-27T10:00:00.000Z', data: x });
  const stamps = [input.dwellings.map(stamp('dwelling')), input.inspections.map(stamp('inspection')), input.allocations.map(stamp('allocation'))];
  // Verdicts remembered per dwelling (useFigures): primed once, as after the first opening of the overview.
  const memo = new VerdictMemo();
  const primed = dwellingStamps(stamps[0], stamps[1]);
  memo.remember(primed, computeFigures(input).verdictsByDwelling);
  for (let i = 0; i <= runs; i++) {
    // The overview: the stock figures, then the quarters and the inspection list from today's verdicts (useOverview).
    const figures = time(() => computeFigures(input));
    const trend = time(() => trendFigures({ ...input, verdicts: figures.value.verdictsByDwelling }, '2026-11-27'));
    // Matching: candidates are prepared once per change of the records; each query ranks them (MatchScreen).
    // Reopening a screen with unchanged records: the fingerprint of the records finds the cached figures.
    const reopen = time(() => recordsVersion(stamps));
    // After a sync changed one dwelling: fingerprints, the changed dwelling assessed again, the rest remembered.
    stamps[0][i * 7].rev++;
    const changed = time(() => {
      const now = dwellingStamps(stamps[0], stamps[1]);
      const value = computeFigures({ ...input, verdicts: memo.known(now) });
      memo.remember(now, value.verdictsByDwelling);
      return value;
    });
    if (changed.value.dwellings !== input.dwellings.length) throw new Error('figures after a change lost dwellings');
    const changedTrend = time(() => trendFigures({ ...input, verdicts: changed.value.verdictsByDwelling }, '2026-11-27'));
    const prepare = time(() => toMatchCandidates(input.dwellings, input.inspections, figures.value.verdictsByDwelling));
    const query = time(() => matchDwellings(needs, prepare.value));
    if (i === 0) continue; // the first run warms the JIT up
    out.figures.push(figures.ms);
    out.trend.push(trend.ms);
    out.overview.push(figures.ms + trend.ms);
    out.reopen.push(reopen.ms);
    out.changed.push(changed.ms);
    out.changedAll.push(changed.ms + changedTrend.ms);
    out.prepare.push(prepare.ms);
    out.query.push(query.ms);
    out.matches = query.value.matches.length;
  }
  return out;
};
`;

type Result = Record<'overview' | 'figures' | 'trend' | 'reopen' | 'changed' | 'changedAll' | 'prepare' | 'query', number[]> & { dwellings: number; inspections: number; matches: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const line = (label: string, xs: number[], target?: number) =>
  `${label}: median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})` +
  (target === undefined ? '' : `; target ≤ ${target} ms: ${median(xs) <= target ? 'met' : 'NOT met'}`);

/** Bundles the core code, runs the overview and a matching query over 10,000 dwellings in Chromium, prints the medians. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'egnet-intake-bench-'));
  const browser = await launchChromium();
  try {
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, ENTRY);
    const output = (await build({
      root: ROOT,
      configFile: false,
      logLevel: 'warn',
      build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'intakeBenchBundle', fileName: 'bench' } },
    })) as Rollup.RollupOutput[];
    const code = output[0]!.output.find((o) => o.type === 'chunk')!.code;
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>intake bench</title>');
    await page.addScriptTag({ content: code });
    const r = (await page.evaluate(([n, runs]) => (window as unknown as { intakeBench: (n: number, runs: number) => unknown }).intakeBench(n!, runs!), [
      DWELLINGS,
      RUNS,
    ])) as Result;
    console.log(`Chromium ${browser.version()}: ${r.dwellings} dwellings, ${r.inspections} checklists, ${RUNS} runs after a warm-up`);
    console.log(line('overview, all of it computed afresh (figures + quarters + inspections due)', r.overview, TARGET_MS));
    console.log(`  ${line('first paint: verdicts + stock figures (headline, charts)', r.figures, TARGET_MS)}`);
    console.log(`  ${line('after paint: quarters + inspections due', r.trend)}`);
    console.log(`  ${line('reopened with unchanged records (fingerprint, cached figures)', r.reopen, TARGET_MS)}`);
    console.log(line('overview after a sync changed one dwelling (verdicts remembered per dwelling, quarters afresh)', r.changedAll, TARGET_MS));
    console.log(`  ${line('first paint: fingerprints per dwelling + one verdict + stock figures', r.changed, TARGET_MS)}`);
    console.log(line('matching query (rank prepared candidates)', r.query, TARGET_MS) + `, ${r.matches} matches`);
    console.log(line('matching: prepare candidates after a change of records', r.prepare));
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
