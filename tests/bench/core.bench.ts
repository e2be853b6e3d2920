/** Verdicts and figures for 10,000 dwellings in Node (target: under 200 ms), from the demo data copied under new ids. */
import { generateDemoData } from '../../src/core/demo/generate';
import { createPrng } from '../../src/core/demo/prng';
import { computeFigures } from '../../src/core/figures/computeFigures';
import type { Allocation, Dwelling, Inspection, WithId } from '../../src/core/schemas';

const DWELLINGS = 10_000;
const RUNS = 7;

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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Prints the median wall and CPU time of a few runs of computeFigures over 10,000 dwellings. */
export async function run(): Promise<void> {
  const input = buildInput();
  const wall: number[] = [];
  const cpu: number[] = [];
  let figures: ReturnType<typeof computeFigures> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    figures = computeFigures(input);
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  // CPU time is printed too: on a machine shared with other work, wall time also counts waiting for a core.
  console.log(`dwellings: ${input.dwellings.length}, inspections: ${input.inspections.length}, allocations: ${input.allocations.length}`);
  console.log(
    `verdicts + figures: median ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU over ${RUNS} runs ` +
      `(wall min ${Math.min(...wall).toFixed(1)}, max ${Math.max(...wall).toFixed(1)}); target < 200 ms`,
  );
  console.log(`byVerdict: ${JSON.stringify(figures?.byVerdict)}`);
}
