/**
 * `npm run new-sector -- "La logistique"`: creates content/secteurs/logistique.md with a
 * valid frontmatter, the next free order and a template body. Never overwrites a file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../src/checks/report/problems.ts';
import { siteIndex } from '../src/checks/files/site-index.ts';
import { contentDir } from '../src/settings.ts';
import { alreadyThere, newSector, placeNewSector } from '../src/utils/files/new-sector.ts';
import { sectorPath } from '../src/utils/navigation/paths.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const title = process.argv.slice(2).join(' ').trim();
if (!title) fail('Indiquez le titre du secteur entre guillemets, par exemple : npm run new-sector -- "La logistique"');

const dir = contentDir();
const place = placeNewSector(
  title,
  siteIndex(dir).entries.filter((e) => e.kind === 'sector'),
  displayPath,
);
if ('refusal' in place) fail(place.refusal);
const sector = newSector(title, place.order);

const file = path.join(dir, 'secteurs', sector.fileName);
try {
  mkdirSync(path.dirname(file), { recursive: true });
  // 'wx': fails if the file appeared meanwhile, so an existing file is never overwritten.
  writeFileSync(file, sector.content, { flag: 'wx' });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(code === 'EEXIST' ? alreadyThere(displayPath(file)) : `Impossible de créer ${displayPath(file)} : ${(error as Error).message}`);
}
console.log(`Créé : ${displayPath(file)} (adresse ${sectorPath(sector.slug)}, order: ${place.order}).
Ensuite :
  1. remplacez les textes « À compléter » (la description et le texte) ;
  2. « npm run dev » pour voir la page, « npm run check » pour vérifier le contenu.`);
