import { defineConfig } from 'vitest/config';

// Five suites: pure units (fast, no build), Astro components (rendered without a build), the built site, the browser,
// and the writers' editor (/admin/) driven in the browser against `npm run dev`.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      'tests/components/vitest.config.ts',
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Builds the site at the root and under a sub-path, and serves both (gzip, 404).
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'cms',
          include: ['tests/cms/**/*.test.ts'],
          // Each file starts `astro dev` on its own copy of the content and drives the editor in Chromium.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
