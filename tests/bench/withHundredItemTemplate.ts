/** Vite plugin for the field benchmark's own build: adds the 100-item template to the app's template registry. */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { hundredItemTemplate } from './hundredItemTemplate';

const REGISTRY = fileURLToPath(new URL('../../src/core/checklist/templates/index.ts', import.meta.url));

/**
 * Appends `templates.push(templateSchema.parse(<the 100-item template>))` to the registry module, so that build's app
 * opens it like any other template; the build fails when the registry no longer has the array or the schema.
 */
export function withHundredItemTemplate(): Plugin {
  let added = false;
  return {
    name: 'egnet-bench-hundred-item-template',
    // Before TypeScript is stripped, on the source as written.
    enforce: 'pre',
    transform(code, id) {
      if (id.split('?')[0] !== REGISTRY) return null;
      if (!/export const templates\b/.test(code) || !/\btemplateSchema\b/.test(code)) {
        throw new Error(`${REGISTRY} no longer exports a "templates" array parsed with templateSchema; the 100-item benchmark needs updating`);
      }
      added = true;
      // `templates` is a plain module-level array; the parse runs in the app, as it does for the real templates.
      return { code: `${code}\ntemplates.push(templateSchema.parse(${JSON.stringify(hundredItemTemplate)}));\n`, map: null };
    },
    buildEnd(error) {
      if (!error && !added) throw new Error(`the build never loaded ${REGISTRY}; the 100-item template was not added`);
    },
  };
}
