/**
 * `npm run check`: validates all content without building the site and prints every
 * problem at once, grouped per file. Exit code 1 if there is any.
 */
import { checkContent } from '../src/lib/check-content';
import { contentDir } from '../src/lib/content-dir';
import { displayPath, formatReport } from '../src/lib/problems';
import { contentFiles } from '../src/lib/site-index';

const dir = contentDir();
const problems = checkContent(dir);
if (problems.length) {
  console.error(`${formatReport(problems)}\n\nCorrigez ces points puis relancez « npm run check ».`);
  process.exit(1);
}
console.log(`Contenu vérifié : ${contentFiles(dir).length} fichiers dans ${displayPath(dir)}, aucun problème.`);
