/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro components rendered by Astro's container API, without a build: Vite needs Astro's compiler for .astro files.
export default getViteConfig({ test: { name: 'components', include: ['tests/components/**/*.test.ts'], root: '../..' } });
