import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWith, removeAll, type BuildResult } from './build-site.ts';
import { buildAsync, checkAsync, inBatches, reportFor, snapshot, type CommandResult } from './editor-commands.ts';

/** What the report must say: the file (relative to the content folder), the line, the problem. */
interface Expected {
  file: string;
  line?: number;
  message: RegExp;
}

const L = 'secteurs/logistique.md';
// One fixture per mistake (tests/fixtures/errors/<name>/ laid over content/).
const CASES: [string, Expected[]][] = [
  ['footnote-undefined', [{ file: L, line: 7, message: /l’appel de note \[\^2\] n’a pas de définition/ }]],
  ['footnote-unused', [{ file: L, line: 10, message: /la note \[\^2\] est définie mais jamais appelée/ }]],
  ['footnote-duplicate', [{ file: L, line: 10, message: /la note \[\^1\] est définie deux fois \(déjà ligne 9\)/ }]],
  [
    'source-not-absolute',
    [{ file: L, line: 9, message: /la source de la note \[\^1\] n’est pas une adresse web complète \(« www\.example\.org\/tournees »\)/ }],
  ],
  ['footnote-empty', [{ file: L, line: 9, message: /la note \[\^1\] est vide : écrivez sa source/ }]],
  ['javascript-url', [{ file: L, line: 7, message: /une adresse « javascript: » est interdite/ }]],
  ['data-url', [{ file: L, line: 7, message: /l’adresse « data:text\/html,<b>x<\/b> » commence par « data: », qui n’est pas permis/ }]],
  ['vbscript-url', [{ file: L, line: 7, message: /commence par « vbscript: », qui n’est pas permis/ }]],
  ['disguised-scheme', [{ file: L, line: 7, message: /une adresse « javascript: » est interdite/ }]],
  ['raw-script', [{ file: L, line: 7, message: /l’élément HTML <script> n’est pas autorisé \(il exécuterait du code/ }]],
  ['raw-event-handler', [{ file: L, line: 7, message: /l’attribut « onmouseover » de <b> n’est pas autorisé/ }]],
  ['raw-iframe', [{ file: L, line: 7, message: /l’élément HTML <iframe> n’est pas autorisé.*<details>, <summary>, <kbd>/ }]],
  [
    'raw-form',
    [
      { file: L, line: 9, message: /l’élément HTML <form> n’est pas autorisé/ },
      { file: L, line: 9, message: /l’élément HTML <input> n’est pas autorisé/ },
      { file: L, line: 9, message: /l’élément HTML <button> n’est pas autorisé/ },
    ],
  ],
  [
    'missing-image',
    [{ file: L, line: 9, message: /l’image « \.\/carte-des-tourness\.png » est introuvable .*vouliez-vous écrire « \.\/carte-des-tournees\.png » \?/ }],
  ],
  ['image-without-alt', [{ file: L, line: 9, message: /l’image « carte\.png » n’a pas de texte de remplacement/ }]],
  ['remote-image', [{ file: L, line: 9, message: /l’image « https:\/\/example\.org\/carte\.png » vient d’un autre site.*à côté de la page/ }]],
  ['heading-level-one', [{ file: L, line: 7, message: /l’intertitre « La logistique » est de niveau 1 \(#\).*écrivez ##/ }]],
  ['heading-jump', [{ file: L, line: 11, message: /l’intertitre « Un exemple » \(####\) saute un niveau après ## : écrivez ###/ }]],
  [
    'ignored-files',
    [
      { file: 'secteurs/droit.markdown', message: /le site ne lit pas ce fichier.*renommez-le « droit\.md »/ },
      { file: 'secteurs/Notes.txt', message: /le site ne lit pas ce fichier/ },
    ],
  ],
  ['mdx-syntax', [{ file: 'secteurs/logistique.mdx', line: 7, message: /le fichier MDX ne peut pas être lu.*fermez chaque balise/ }]],
  ['mdx-missing-import', [{ file: 'secteurs/logistique.mdx', line: 7, message: /l’import « \.\/carte\.astro » mène à un fichier qui n’existe pas/ }]],
  [
    'callout-unknown-type',
    [
      {
        file: L,
        line: 9,
        message:
          /le type d’encadré « ASTUCE » n’existe pas \(vouliez-vous écrire \[!TIP\] \?\) : les types possibles sont NOTE \(Remarque\), TIP \(Astuce\), IMPORTANT, WARNING \(Attention\), CAUTION \(Danger\)/,
      },
    ],
  ],
  [
    'missing-page',
    [
      {
        file: L,
        line: 7,
        message: /« \/secteurs\/finanse\/ » mène à \/secteurs\/finanse\/, une page qui n’existe pas .*vouliez-vous écrire « \/secteurs\/finance\/ »/,
      },
    ],
  ],
  ['missing-relative-sector', [{ file: L, line: 7, message: /« \.\.\/transports\/ » mène à \/secteurs\/transports\/, une page qui n’existe pas/ }]],
  ['missing-anchor', [{ file: L, line: 7, message: /vise la section #gestion-des-risques, qui n’existe pas sur la page \/secteurs\/finance\// }]],
  ['invalid-yaml', [{ file: L, line: 3, message: /l’en-tête n’est pas du YAML valide/ }]],
  ['missing-field', [{ file: L, line: 1, message: /le champ « description » est obligatoire/ }]],
  ['wrong-type', [{ file: L, line: 4, message: /le champ « order » doit être un nombre entier sans guillemets \(valeur actuelle : "sept"\)/ }]],
  ['unknown-key', [{ file: L, line: 2, message: /champ inconnu « tilte » : vouliez-vous écrire « title » \?/ }]],
  ['empty-title', [{ file: L, line: 2, message: /le titre \(title\) ne peut pas être vide/ }]],
  ['description-too-long', [{ file: L, line: 3, message: /la description doit tenir en 160 caractères au plus/ }]],
  ['empty-body', [{ file: L, message: /la page n’a pas de texte/ }]],
  [
    'duplicate-order',
    [
      { file: L, line: 4, message: /order: 3 est aussi celui de .*secteurs\/marketing\.md/ },
      { file: 'secteurs/marketing.md', line: 4, message: /order: 3 est aussi celui de .*secteurs\/logistique\.md/ },
    ],
  ],
  [
    'duplicate-url',
    [
      { file: 'secteurs/Finance.md', message: /ce fichier et .*secteurs\/finance\.md donneraient la même adresse \/secteurs\/finance\// },
      { file: 'secteurs/finance.md', message: /ce fichier et .*secteurs\/Finance\.md donneraient la même adresse \/secteurs\/finance\// },
    ],
  ],
  // Several mistakes in several files: every one is reported, not only the first.
  [
    'several',
    [
      { file: L, line: 2, message: /champ inconnu « tilte »/ },
      { file: L, line: 7, message: /l’appel de note \[\^1\] n’a pas de définition/ },
      { file: L, line: 7, message: /« \/secteurs\/finanse\/ » mène à/ },
      { file: 'secteurs/transports.md', line: 5, message: /le champ « draft » doit être true ou false/ },
      { file: 'secteurs/transports.md', line: 11, message: /la note \[\^2\] est définie mais jamais appelée/ },
      { file: 'secteurs/transports.md', line: 11, message: /la source de la note \[\^2\] n’est pas une adresse web complète/ },
    ],
  ],
];

function expectReported(output: string, dir: string, expected: Expected[]) {
  for (const { file, line, message } of expected) {
    const lines = reportFor(output, path.join(dir, file));
    expect(lines, `${file} absent du rapport :\n${output}`).not.toEqual([]);
    const prefix = line ? `ligne ${line} : ` : 'fichier : ';
    expect(
      lines.some((l) => l.startsWith(prefix) && message.test(l)),
      `${file}, « ${prefix}${message.source} » absent de :\n${lines.join('\n')}`,
    ).toBe(true);
  }
}

interface Outcome {
  dir: string;
  before: Record<string, string>;
  check: CommandResult;
  build: BuildResult;
}
const outcomes = new Map<string, Outcome>();

// Every fixture is checked and built once, a few at a time: a build that fails at the content check takes a few seconds.
beforeAll(async () => {
  const runs = await inBatches(CASES, 3, async ([fixture]) => {
    const dir = contentWith(`errors/${fixture}`);
    const before = snapshot(dir);
    const [check, build] = [await checkAsync(dir), await buildAsync(dir)];
    return { fixture, dir, before, check, build };
  });
  for (const { fixture, ...outcome } of runs) outcomes.set(fixture, outcome);
});
afterAll(() => {
  for (const { dir, build } of outcomes.values()) removeAll(dir, path.dirname(build.outDir));
});

describe.each(CASES)('the content mistake "%s"', (fixture, expected) => {
  const get = () => outcomes.get(fixture)!;

  it('makes npm run check fail, naming the file, the line and the problem', () => {
    const { check, dir } = get();
    expect(check.status).toBe(1);
    expectReported(check.output, dir, expected);
    expect(check.output).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });

  it('stops the build with the same report', () => {
    const { build, dir } = get();
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('le site n’a pas été construit');
    expectReported(build.output, dir, expected);
    expect(build.output).not.toMatch(/Stack trace/);
  });

  it('modifies no file, valid or broken', () => {
    const { dir, before } = get();
    expect(snapshot(dir)).toEqual(before);
  });
});

// The build's alias rules (tests/build/linking.test.ts builds this fixture): npm run check reports every alias mistake.
describe('aliases that clash with a page, another alias or are not paths', () => {
  let dir = '';
  let check: CommandResult;
  beforeAll(async () => {
    dir = contentWith('alias-clash');
    check = await checkAsync(dir);
  });
  afterAll(() => removeAll(dir));

  it('make npm run check fail, naming each file, the line of each alias and the problem', () => {
    expect(check.status).toBe(1);
    const sante = `${dir}/secteurs/sante.md`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    expectReported(check.output, dir, [
      { file: 'secteurs/doublon.md', line: 5, message: new RegExp(`l’alias « /secteurs/sante/ » est déjà l’adresse de la page du secteur ${sante}\\.`) },
      {
        file: 'secteurs/renomme.md',
        line: 6,
        message: /l’alias « \/recherche\/ » est déjà l’adresse de la page \/recherche\/ \(src\/pages\/recherche\/index\.astro\)/,
      },
      { file: 'secteurs/renomme.md', line: 7, message: /l’alias « \/ancien nom\/ » n’est pas un chemin de page valide/ },
      { file: 'secteurs/renomme.md', line: 8, message: new RegExp(`l’alias « /Secteurs/Sante/ » est déjà l’adresse de la page du secteur ${sante}\\.`) },
    ]);
    expect(check.output).toContain('4 problèmes dans 2 fichiers');
    expect(check.output).not.toMatch(/\n\s+at .*\.(ts|js):\d+/);
  });
});
