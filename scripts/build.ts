// node scripts/build.ts [astro build options] — `astro build`, its heap sized for memory on large
// sites (src/build/build-memory.ts), and the search index left for later: `npm run build` runs
// scripts/search-index.ts once Astro has exited, so that the build's peak memory is the larger of the
// two rather than their sum. This process becomes Astro's (execve) rather than waiting beside it:
// one Node process less during the build.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { countSectors, heapOptions, withNodeOptions } from '../src/build/build-memory.ts';
import { contentDir } from '../src/settings.ts';

const root = path.resolve(import.meta.dirname, '..');
// The package's bin (its exports map does not expose the file itself).
const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const args = [astroBin, 'build', ...process.argv.slice(2)];
const env = {
  ...process.env,
  NODE_OPTIONS: withNodeOptions(process.env.NODE_OPTIONS, heapOptions(countSectors(contentDir(process.env, root)))),
  // Fewer glibc malloc arenas for the bundler's threads: less memory kept by freed blocks.
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
};

process.chdir(root);
if (typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...args], env);
} else {
  // Windows has no execve: wait for Astro instead.
  const astro = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  process.exit(astro.status ?? 1);
}
