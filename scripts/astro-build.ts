// node scripts/astro-build.ts [--force] [--verbose | --silent] — `astro build` with astro.config.ts loaded by Node,
// then the search index (scripts/search-index.ts) in place of this process, once Astro's heap is gone.
//
// scripts/build.ts starts this file (with the heap options of large sites). The `astro` command loads a TypeScript
// configuration by starting a Vite dev server and running the file through Vite's module runner, which transforms
// every module the configuration imports (the whole markdown pipeline); Node 24 runs them as they are. So this file
// imports the configuration itself and hands it to Astro's documented `build()` with `configFile: false`: the same
// configuration object, with a shorter start-up (README, « Passage à l’échelle »).
// `astro dev` and `astro check` still read astro.config.ts the usual way: the dev server restarts when it changes.
import module from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { continueIn } from '../src/build/next-process.ts';

// As the `astro` command does: Node keeps its compiled code between runs, except in CI where it would not be reused.
if (!process.env.CI) module.enableCompileCache?.();

const root = path.resolve(import.meta.dirname, '..');
const FLAGS = { force: { type: 'boolean' }, verbose: { type: 'boolean' }, silent: { type: 'boolean' } } as const;

let flags;
try {
  ({ values: flags } = parseArgs({ options: FLAGS }));
} catch {
  const accepted = Object.keys(FLAGS)
    .map((flag) => `--${flag}`)
    .join(', ');
  console.error(`npm run build : option non reconnue dans « ${process.argv.slice(2).join(' ')} » (options acceptées : ${accepted}).`);
  process.exit(2);
}

/** What the `astro` command prints for an error: its message, Astro's hint, and the stack where there is one. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const hint = (error as { hint?: unknown }).hint;
  // Our own reports (the content checks) have an empty stack: the message is all an editor needs.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [error.message, typeof hint === 'string' && hint ? `  Astuce : ${hint}` : '', frames.length ? `  Pile d’appels :\n${frames.join('\n')}` : '']
    .filter(Boolean)
    .join('\n');
}

try {
  const [{ build }, { default: config }] = await Promise.all([import('astro'), import('../astro.config.ts')]);
  await build({
    ...config,
    root,
    configFile: false,
    force: flags.force,
    logLevel: flags.verbose ? 'debug' : flags.silent ? 'silent' : undefined,
  });
} catch (error) {
  console.error(describeError(error));
  process.exit(1);
}
continueIn(path.join(root, 'scripts/search-index.ts'), []);
