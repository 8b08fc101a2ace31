import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citedAddresses } from '../../src/checks/sources/cited-addresses.ts';
import { projectRoot } from '../build/build-site.ts';
import { run } from '../build/editor-commands.ts';
import { freePort } from '../../scripts/bench-dev.ts';

/**
 * `npm run check:sources` against two local servers on 127.0.0.1 (one host, two ports): the real script
 * in its own process, a content folder that cites their pages, a cache folder of its own. Nothing
 * leaves the machine. Timeouts and retry waits are shortened by the command's own options.
 */

interface Hit {
  method: string;
  path: string;
  at: number;
  userAgent?: string;
}

const hits: Hit[] = [];
let inFlight = 0;
let maxInFlight = 0;

/** Every page the tests need, on any port: a request holds its answer 80 ms, so requests overlap unless the command spaces them. */
function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const before = hits.filter((h) => h.path === url.pathname).length;
  hits.push({ method: req.method ?? '', path: url.pathname, at: Date.now(), userAgent: req.headers['user-agent'] });
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  // Done when handed to the system (the client cannot have its answer earlier), or when the client hangs up.
  let done = false;
  const end = () => {
    if (!done) inFlight--;
    done = true;
  };
  res.on('finish', end).on('close', end);
  const send = (status: number, headers: Record<string, string> = {}) =>
    setTimeout(() => {
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : 'page');
    }, 80);
  switch (url.pathname) {
    case '/get-only':
      return send(req.method === 'HEAD' ? 405 : 200);
    case '/old':
      return send(301, { location: '/new' });
    case '/private':
      return send(403);
    case '/missing':
      return send(404);
    case '/removed':
      return send(410);
    case '/flaky':
      return send(before === 0 ? 500 : 200);
    case '/down':
      return send(503);
    case '/busy':
      return send(before === 0 ? 429 : 200, before === 0 ? { 'retry-after': '1' } : {});
    case '/slow':
      // Longer than the command's timeout (300 ms): it must give up, not wait.
      return setTimeout(() => res.writeHead(200).end(), 2000);
    default:
      return send(200);
  }
}

const servers: http.Server[] = [];
async function listen(): Promise<number> {
  const server = http.createServer(answer);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

// Every folder the tests make, removed at the end.
const folders: string[] = [];
const temporaryFolder = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

function contentFolder(files: Record<string, string>): string {
  const dir = temporaryFolder('pe-sources-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const sector = (order: number, body: string) => `---\ntitle: "Secteur ${order}"\ndescription: "Un secteur de test."\norder: ${order}\n---\n\n${body}`;

/** `npm run check:sources` with a short timeout and short retry waits (Retry-After still wins). */
function checkSources(contentDir: string, cacheDir: string, args: string[] = []) {
  return run([path.join(projectRoot, 'scripts/check-sources.ts'), '--timeout', '300', '--retry-delay', '20', ...args], {
    CONTENT_DIR: contentDir,
    ASTRO_CACHE_DIR: cacheDir,
  });
}

/** The report's line about one address. */
const lineAbout = (output: string, url: string) => output.split('\n').find((line) => line.includes(` : ${url} — `));

const methodsFor = (pathname: string, from = 0) =>
  hits
    .slice(from)
    .filter((h) => h.path === pathname)
    .map((h) => h.method);

let a: string;
let b: string;
let closed: string;
let dir: string;
let cache: string;

beforeAll(async () => {
  a = `http://127.0.0.1:${await listen()}`;
  b = `http://127.0.0.1:${await listen()}`;
  // A port nothing listens on.
  closed = `http://127.0.0.1:${await freePort()}`;
  dir = contentFolder({
    'accueil.md': [
      '---',
      'title: "Accueil"',
      '---',
      '',
      `Un lien dans le texte vers [une page](${a}/page) et vers [une autre](${b}/page).`,
      '',
      `Du code n’est pas une citation : \`${a}/code\`.`,
      '',
      '```text',
      `${a}/code-block`,
      '```',
      '',
    ].join('\n'),
    'secteurs/un.md': sector(
      1,
      [
        'Texte[^ok][^get][^old][^missing][^removed][^flaky][^down][^busy][^slow][^closed].',
        '',
        `[^ok]: [Page](${a}/ok)`,
        `[^get]: [GET seulement](${a}/get-only)`,
        `[^old]: [Ancienne adresse](${a}/old)`,
        `[^missing]: [Absente](${a}/missing)`,
        `[^removed]: [Retirée](${a}/removed)`,
        `[^flaky]: [Erreur passagère](${a}/flaky)`,
        `[^down]: [En panne](${a}/down)`,
        `[^busy]: [Trop de requêtes](${a}/busy)`,
        `[^slow]: [Trop lente](${a}/slow)`,
        `[^closed]: [Port fermé](${closed}/closed)`,
        '',
      ].join('\n'),
    ),
    'secteurs/deux.md': sector(
      2,
      [
        `Des pages sur deux ports du même hôte : [1](${a}/p1), [2](${b}/p2), [3](${a}/p3), [4](${b}/p4), [5](${a}/p5), [6](${b}/p6).`,
        '',
        'La même source qu’un autre secteur[^1].',
        '',
        `[^1]: [Absente](${a}/missing#section)`,
        '',
      ].join('\n'),
    ),
  });
  cache = temporaryFolder('pe-sources-cache-');
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('npm run check:sources', () => {
  let first: Awaited<ReturnType<typeof checkSources>>;
  let firstHits: number;

  beforeAll(async () => {
    first = await checkSources(dir, cache);
    firstHits = hits.length;
  });

  it('fails when a source is missing, removed, failing or unreachable, with one line per address and a summary', () => {
    expect(first.status, first.output).toBe(1);
    expect(first.output).toContain('18 adresses vérifiées : 12 en bon état, 1 déplacée, 1 introuvable, 1 supprimée, 1 en erreur, 2 injoignables.');
    expect(first.output).toContain('CONTRIBUTING.md, « Vérifier que les sources répondent »');
  });

  it('gives each verdict with the citing file and line and what to do', () => {
    const un = path.join(dir, 'secteurs/un.md');
    expect(lineAbout(first.output, `${a}/missing`)).toBe(
      `introuvable (404) : ${a}/missing — citée par ${path.join(dir, 'secteurs/deux.md')} ligne 11, ${un} ligne 12 — remplacez la source, ou citez une copie archivée (https://web.archive.org/web/*/${a}/missing)`,
    );
    expect(lineAbout(first.output, `${a}/removed`)).toMatch(new RegExp(`^supprimée \\(410\\) : .* citée par ${un} ligne 13 — .*copie archivée`));
    expect(lineAbout(first.output, `${a}/old`)).toBe(
      `déplacée définitivement (301) : ${a}/old — citée par ${un} ligne 11 — la page est maintenant à ${a}/new : mettez le lien à jour`,
    );
    expect(lineAbout(first.output, `${a}/down`)).toMatch(
      new RegExp(`^en erreur \\(503, encore après 3 nouvelles tentatives\\) : .* ligne 15 — revérifiez plus tard`),
    );
    expect(lineAbout(first.output, `${a}/slow`)).toMatch(new RegExp(`^injoignable \\(aucune réponse en 300 ms\\) : .* ligne 17 — revérifiez plus tard`));
    expect(lineAbout(first.output, `${closed}/closed`)).toMatch(new RegExp(`^injoignable \\(connexion refusée\\) : .* ligne 18 — revérifiez plus tard`));
    // Fine once asked properly: no line.
    for (const fine of ['/ok', '/get-only', '/flaky', '/busy', '/page', '/p1']) expect(lineAbout(first.output, `${a}${fine}`)).toBeUndefined();
  });

  it('asks HEAD first, GET when HEAD is refused, retries a failing or busy server, honouring Retry-After', () => {
    expect(methodsFor('/ok')).toEqual(['HEAD']);
    expect(methodsFor('/get-only')).toEqual(['HEAD', 'GET']);
    expect(methodsFor('/flaky')).toEqual(['HEAD', 'HEAD']);
    expect(methodsFor('/down')).toEqual(['HEAD', 'HEAD', 'HEAD', 'HEAD']);
    const busy = hits.filter((h) => h.path === '/busy');
    expect(busy).toHaveLength(2);
    expect(busy[1].at - busy[0].at).toBeGreaterThanOrEqual(950);
    // A permanent move is not followed blindly: the new address is checked too.
    expect(methodsFor('/new')).toEqual(['HEAD']);
    expect(hits.every((h) => /^PromptEngineeringParSecteur-VerificationDesSources\/1\.0/.test(h.userAgent ?? ''))).toBe(true);
  });

  it('checks an address once however many pages cite it, and never one written in code', () => {
    // One check of /missing: HEAD, then GET to confirm (cited by two files, once with a fragment).
    expect(methodsFor('/missing')).toEqual(['HEAD', 'GET']);
    expect(hits.filter((h) => h.path.startsWith('/code'))).toEqual([]);
  });

  it('sends at most 2 requests at a time to one host, whatever the port', () => {
    expect(maxInFlight).toBe(2);
  });

  it('answers a second run from the cache, and asks again with --no-cache', async () => {
    const second = await checkSources(dir, cache);
    expect(hits.length).toBe(firstHits);
    expect(second.status).toBe(1);
    expect(second.output).toContain('Tous les résultats viennent d’une vérification de moins de 24 h');
    expect(second.output.split('\n').filter((l) => l.includes(' — citée par '))).toEqual(first.output.split('\n').filter((l) => l.includes(' — citée par ')));

    const fresh = await checkSources(dir, cache, ['--no-cache']);
    expect(fresh.status).toBe(1);
    expect(fresh.output).not.toContain('moins de 24 h');
    expect(methodsFor('/ok', firstHits)).toEqual(['HEAD']);
  });
});

describe('npm run check:sources, nothing broken', () => {
  it('succeeds with a moved source and a refused robot as warnings, and asks again once the cache is 24 hours old', async () => {
    const warnDir = contentFolder({
      'accueil.md': '---\ntitle: "Accueil"\n---\n\nTexte.\n',
      'secteurs/un.md': sector(1, `Texte[^1][^2][^3].\n\n[^1]: [Page](${a}/fine)\n[^2]: [Déplacée](${a}/old)\n[^3]: [Réservée](${a}/private)\n`),
    });
    const warnCache = temporaryFolder('pe-sources-cache-');
    const result = await checkSources(warnDir, warnCache);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(`déplacée définitivement (301) : ${a}/old — citée par ${path.join(warnDir, 'secteurs/un.md')} ligne 10`);
    expect(result.output).toContain(`accès refusé (403) : ${a}/private — citée par ${path.join(warnDir, 'secteurs/un.md')} ligne 11 — le site refuse`);
    expect(result.output).toContain('3 adresses vérifiées : 1 en bon état, 1 déplacée, 1 refusée aux robots.');

    const file = path.join(warnCache, 'sources.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    for (const answer of Object.values(stored.answers) as { checkedAt: number }[]) answer.checkedAt -= 24 * 60 * 60 * 1000;
    writeFileSync(file, JSON.stringify(stored));
    const before = hits.length;
    const again = await checkSources(warnDir, warnCache);
    expect(again.status).toBe(0);
    expect(again.output).not.toContain('moins de 24 h');
    expect(methodsFor('/fine', before)).toEqual(['HEAD']);
  });
});

describe('citedAddresses', () => {
  it('lists footnote sources first, then links in the text, each once with every line that writes it', () => {
    const folder = contentFolder({
      'accueil.md': '---\ntitle: "Accueil"\n---\n\nVoir [le site](https://exemple.fr/texte) et <https://exemple.fr/auto>.\n',
      'secteurs/un.md': sector(
        1,
        [
          'Texte[^1][^2], [encore](https://exemple.fr/texte#plus).',
          '',
          '[^1]: [Source](https://Exemple.fr/source)',
          '[^2]: [Source par référence][ref]',
          '',
          '[ref]: https://exemple.fr/ref',
          '',
          '`https://exemple.fr/code` [interne](/secteurs/deux/) [courriel](mailto:a@exemple.fr)',
          '',
        ].join('\n'),
      ),
    });
    const un = path.join(folder, 'secteurs/un.md');
    expect(citedAddresses(folder)).toEqual([
      { url: 'https://exemple.fr/source', source: true, citations: [{ file: un, line: 9 }] },
      { url: 'https://exemple.fr/ref', source: true, citations: [{ file: un, line: 12 }] },
      {
        url: 'https://exemple.fr/texte',
        source: false,
        citations: [
          { file: path.join(folder, 'accueil.md'), line: 5 },
          { file: un, line: 7 },
        ],
      },
      { url: 'https://exemple.fr/auto', source: false, citations: [{ file: path.join(folder, 'accueil.md'), line: 5 }] },
    ]);
  });
});
