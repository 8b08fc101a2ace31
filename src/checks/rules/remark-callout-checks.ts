import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { CALLOUT_MARKER, CALLOUT_TITLES, calloutType, type CalloutType } from '../../markdown/blocks/callouts.ts';
import { closest } from '../report/closest.ts';
import { report } from './report.ts';
import { treeNodes } from '../../markdown/shared/tree-nodes.ts';

const TYPES = Object.keys(CALLOUT_TITLES) as CalloutType[];
/** « NOTE (Remarque), TIP (Astuce), IMPORTANT… »: a French title is given only where it differs. */
const TYPE_LIST = TYPES.map((t) => (CALLOUT_TITLES[t].toUpperCase() === t ? t : `${t} (${CALLOUT_TITLES[t]})`)).join(', ');
const plain = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

/** The type an editor probably meant: the French title typed as the type (« ASTUCE »), or a typo (« WARNIG »). */
function meant(word: string): CalloutType | undefined {
  return TYPES.find((t) => plain(CALLOUT_TITLES[t]) === plain(word)) ?? (closest(word, TYPES) as CalloutType | undefined);
}

/**
 * Callouts (src/markdown/blocks/callouts.ts): a blockquote that opens with `[!WORD]` is meant as one. GitHub and
 * this site render it only when WORD is one of the five types, alone on its line, with some text after:
 * otherwise readers would see « [!ASTUCE] » in a plain quotation.
 */
export function remarkCalloutChecks() {
  return (tree: Root, file: VFile) => {
    for (const quote of treeNodes(tree).of('blockquote')) {
      const first = quote.children[0];
      const text = first?.type === 'paragraph' && first.children[0]?.type === 'text' ? first.children[0].value : '';
      const marker = CALLOUT_MARKER.exec(text);
      if (!marker || first?.type !== 'paragraph') continue;
      const word = marker[1];
      const type = calloutType(word);
      if (!type) {
        const guess = meant(word);
        report(
          file,
          `le type d’encadré « ${word} » n’existe pas${guess ? ` (vouliez-vous écrire [!${guess}] ?)` : ''} : les types possibles sont ${TYPE_LIST} — par exemple « > [!TIP] » seul sur sa ligne, puis « > Le texte de l’encadré. »`,
          quote,
        );
        continue;
      }
      const rest = text.slice(marker[0].length);
      if (rest.trim() && !/^[\r\n]/.test(rest)) {
        report(
          file,
          `« [!${word}] » doit être seul sur sa ligne (sinon l’encadré s’affiche comme une citation, crochets compris) : passez à la ligne après, « > [!${word}] » puis « > ${rest.trim().split(/\r?\n/)[0]} »`,
          quote,
        );
      } else if (!rest.trim() && first.children.length === 1 && quote.children.length === 1) {
        report(
          file,
          `l’encadré « [!${word}] » est vide (il s’afficherait comme une citation « [!${word}] ») : écrivez son texte à la ligne suivante, « > Le texte. »`,
          quote,
        );
      }
    }
  };
}
