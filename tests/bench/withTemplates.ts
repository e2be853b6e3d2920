/** Vite plugin for the benchmarks' own builds: adds bench-only templates to the app's template registry. */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { Template } from '../../src/core/checklist/template';

const REGISTRY = fileURLToPath(new URL('../../src/core/checklist/templates/index.ts', import.meta.url));

/**
 * Appends `templates.push(templateSchema.parse(<template>))` to the registry module for each template, so that build's
 * app opens them like any other template; the build fails when the registry no longer has the array or the schema.
 */
export function withTemplates(...added: Template[]): Plugin {
  let done = false;
  return {
    name: `egnet-bench-templates-${added.map((t) => t.id).join('-')}`,
    // Before TypeScript is stripped, on the source as written.
    enforce: 'pre',
    transform(code, id) {
      if (id.split('?')[0] !== REGISTRY) return null;
      if (!/export const templates\b/.test(code) || !/\btemplateSchema\b/.test(code)) {
        throw new Error(`${REGISTRY} no longer exports a "templates" array parsed with templateSchema; the benchmark templates need updating`);
      }
      done = true;
      // `templates` is a plain module-level array; the parse runs in the app, as it does for the real templates.
      return { code: `${code}\n${added.map((t) => `templates.push(templateSchema.parse(${JSON.stringify(t)}));`).join('\n')}\n`, map: null };
    },
    buildEnd(error) {
      if (!error && !done) throw new Error(`the build never loaded ${REGISTRY}; ${added.map((t) => t.id).join(', ')} not added`);
    },
  };
}
