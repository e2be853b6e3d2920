/** Vite plugin for the field benchmark's own build: adds the 100-item template to the app's template registry. */
import type { Plugin } from 'vite';
import { hundredItemTemplate } from './hundredItemTemplate';
import { withTemplates } from './withTemplates';

/** The field benchmark's build: the 100-item template added (see withTemplates). */
export function withHundredItemTemplate(): Plugin {
  return withTemplates(hundredItemTemplate);
}
