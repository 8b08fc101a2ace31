/**
 * `npm run check:sources`: asks every external address the content cites whether it still answers,
 * and prints one French line per address to fix, then a summary. Exit code 1 when a source is
 * missing, removed, failing or unreachable; a permanent move alone is a warning. It uses the
 * network, so neither `npm run build` nor `npm test` runs it (the tests point it at a local server);
 * .github/workflows/sources.yml runs it every week.
 *
 *   --no-cache         ask every address again (answers of the last 24 hours are reused otherwise)
 *   --timeout <ms>     to connect, then to receive an answer (default 10000)
 *   --retry-delay <ms> wait before the first retry of a busy or failing server, doubled each time (default 1000)
 */
import { parseArgs } from 'node:util';
import { citedAddresses } from '../src/checks/sources/cited-addresses.ts';
import { checkSources } from '../src/checks/sources/check-sources.ts';
import { userAgent } from '../src/checks/sources/probe.ts';
import { sourcesReport } from '../src/checks/sources/verdicts.ts';
import { displayPath } from '../src/checks/report/problems.ts';
import { contentDir } from '../src/settings.ts';

function milliseconds(value: string | undefined, fallback: number, option: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${option} attend un nombre entier de millisecondes, par exemple --${option} ${fallback} (reçu « ${value} »).`);
    process.exit(2);
  }
  return n;
}

function options() {
  try {
    return parseArgs({
      options: { cache: { type: 'boolean', default: true }, timeout: { type: 'string' }, 'retry-delay': { type: 'string' } },
      allowNegative: true,
    }).values;
  } catch (error) {
    console.error(`Option incorrecte (${(error as Error).message}). Options possibles : --no-cache, --timeout <ms>, --retry-delay <ms>.`);
    process.exit(2);
  }
}

const values = options();

const dir = contentDir();
const addresses = citedAddresses(dir);
if (!addresses.length) {
  console.log(`Aucune adresse web citée dans ${displayPath(dir)} : rien à vérifier.`);
  process.exit(0);
}

const checked = await checkSources(addresses, {
  useCache: values.cache,
  timeout: milliseconds(values.timeout, 10_000, 'timeout'),
  retryDelay: milliseconds(values['retry-delay'], 1_000, 'retry-delay'),
  retries: 3,
  userAgent: userAgent(process.env.SITE_URL),
});
const { text, broken } = sourcesReport(checked);
console.log(text);
if (broken) {
  console.log('\nCONTRIBUTING.md, « Vérifier que les sources répondent », dit que faire dans chaque cas.');
  process.exit(1);
}
