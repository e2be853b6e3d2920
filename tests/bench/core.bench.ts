/** Verdicts and figures for 10,000 dwellings in Node (target: under 200 ms), from the demo data copied under new ids. */
import { generateDemoData } from '../../src/core/demo/generate';
import { createPrng } from '../../src/core/demo/prng';
import { computeFigures } from '../../src/core/figures/computeFigures';
import type { Allocation, Dwelling, Inspection, WithId } from '../../src/core/schemas';

const DWELLINGS = 10_000;
const RUNS = 5;

function buildInput() {
  const { records } = generateDemoData();
  const rng = createPrng(42);
  const base = records.filter((r) => r.entity === 'dwelling');
  const byDwelling = new Map<string, Inspection[]>();
  for (const r of records) {
    if (r.entity !== 'inspection') continue;
    const data = r.data as Inspection;
    if (!data.dwellingId) continue;
    byDwelling.set(data.dwellingId, [...(byDwelling.get(data.dwellingId) ?? []), data]);
  }
  const dwellings: WithId<Dwelling>[] = [];
  const inspections: WithId<Inspection>[] = [];
  const allocations: WithId<Allocation>[] = [];
  for (let i = 0; i < DWELLINGS; i++) {
    const source = base[i % base.length];
    if (!source) throw new Error('no demo dwellings');
    const id = rng.uuid();
    dwellings.push({ id, ...(source.data as Dwelling) });
    for (const inspection of byDwelling.get(source.id) ?? []) inspections.push({ ...inspection, id: rng.uuid(), dwellingId: id });
    if (i % 4 === 0) {
      allocations.push({
        id: rng.uuid(),
        dwellingId: id,
        date: `${2018 + (i % 8)}-06-01`,
        householdHasChildren: i % 3 !== 0,
        childrenCount: i % 3 !== 0 ? 2 : 0,
        leaseType: 'openEnded',
      });
    }
  }
  return { dwellings, inspections, allocations };
}

/** Prints the median time of a few runs of computeFigures over 10,000 dwellings. */
export async function run(): Promise<void> {
  const input = buildInput();
  const times: number[] = [];
  let figures: ReturnType<typeof computeFigures> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    figures = computeFigures(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  console.log(`dwellings: ${input.dwellings.length}, inspections: ${input.inspections.length}, allocations: ${input.allocations.length}`);
  console.log(`verdicts + figures: median ${median.toFixed(1)} ms of ${RUNS} runs (min ${times[0]?.toFixed(1)}, max ${times[times.length - 1]?.toFixed(1)}); target < 200 ms`);
  console.log(`byVerdict: ${JSON.stringify(figures?.byVerdict)}`);
}
