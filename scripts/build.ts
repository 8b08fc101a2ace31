// npm run build — `astro build`, then the search index, each in its own process.
// Pagefind then starts after Astro's memory is gone: the build's peak is the larger of the two,
// not their sum (at 5000 sectors, Pagefind alone takes ~780 MB). Astro's heap is capped in
// proportion to the content (src/lib/build-memory.ts). Arguments are passed on to `astro build`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { astroHeapLimitMb, countSectors, withHeapLimit } from '../src/lib/build-memory.ts';
import { contentDir } from '../src/lib/content-dir.ts';

const root = path.resolve(import.meta.dirname, '..');
// The package's bin (its exports map does not expose the file itself).
const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const env = process.env;

const astro = spawnSync(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...env,
    NODE_OPTIONS: withHeapLimit(env.NODE_OPTIONS, astroHeapLimitMb(countSectors(contentDir(env, root)))),
    // The index is written below, once Astro has exited (src/integrations/pagefind.ts).
    PAGEFIND_AFTER_BUILD: '1',
    // Fewer glibc malloc arenas for the bundler's threads: less memory kept by freed blocks.
    MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2',
  },
});
if (astro.status !== 0) process.exit(astro.status ?? 1);
await import('./search-index.ts');
