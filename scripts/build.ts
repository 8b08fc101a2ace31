// npm run build [-- --force | --verbose | --silent] — `astro build` (scripts/astro-build.ts), its heap sized for
// memory on large sites (src/build/build-memory.ts), then the search index (scripts/search-index.ts). Each step
// takes the place of the one before (src/build/next-process.ts): the build's peak memory is the largest step's.
// The options go to Astro: this is the script's only command, so npm appends them here.
import path from 'node:path';
import { countSectors, heapOptions, withNodeOptions } from '../src/build/build-memory.ts';
import { continueIn } from '../src/build/next-process.ts';
import { contentDir } from '../src/settings.ts';

const root = path.resolve(import.meta.dirname, '..');
const env = {
  ...process.env,
  NODE_OPTIONS: withNodeOptions(process.env.NODE_OPTIONS, heapOptions(countSectors(contentDir(process.env, root)))),
  // Fewer glibc malloc arenas for the bundler's threads: less memory kept by freed blocks.
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
};

process.chdir(root);
continueIn(path.join(root, 'scripts/astro-build.ts'), process.argv.slice(2), env);
