// Lint rules for every TypeScript file: the recommended sets, plus the import direction of the layers
// (app → core ← server, docs/style.md) so an editor flags a crossing at once; tests/unit/layers.test.ts checks the
// same direction and what core may use (no DOM, Node or Dexie).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'data/', 'coverage/', '.bench/', 'tests/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layer('core', ['app', 'server'], 'core runs anywhere: it imports neither app/ nor server/'),
  ...layer('app', ['server'], 'the browser app never imports server/'),
  ...layer('server', ['app'], 'the server never imports the browser app (src/app/)'),
);

/**
 * Forbids the files of src/<room>/ to import from the rooms named in `forbidden`: a relative import that climbs
 * exactly out of the room (one `../` per folder level, plus one) and enters a forbidden one.
 */
function layer(room, forbidden, message) {
  return [0, 1, 2, 3, 4, 5].map((depth) => ({
    files: [`src/${room}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./){${depth + 1}}(${forbidden.join('|')})(/|$)`, message }] }],
    },
  }));
}
