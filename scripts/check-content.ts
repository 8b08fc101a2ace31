/**
 * `npm run check`: validates all content without building the site and prints every
 * problem at once, grouped per file. Exit code 1 if there is any.
 */
import { contentFiles } from '../src/checks/files/content-files.ts';
import { checkContent } from '../src/checks/content-checks.ts';
import { displayPath, formatReport } from '../src/checks/report/problems.ts';
import { contentDir } from '../src/settings.ts';

const dir = contentDir();
const problems = checkContent(dir);
if (problems.length) {
  console.error(`${formatReport(problems)}\n\nCorrigez ces points puis relancez « npm run check ».`);
  process.exit(1);
}
console.log(`Contenu vérifié : ${contentFiles(dir).length} fichiers dans ${displayPath(dir)}, aucun problème.`);
