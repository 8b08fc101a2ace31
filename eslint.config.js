// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench-results/', '.tmp/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  // `const { A, ...rest } = obj` is how we drop keys: the dropped names are not "unused".
  { rules: { '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }] } },
  // Config files, scripts and tests run in Node.
  { languageOptions: { globals: { ...globals.node } } },
  // Code passed to page.evaluate() runs in the browser.
  { files: ['tests/browser/**'], languageOptions: { globals: { ...globals.browser } } },
);
