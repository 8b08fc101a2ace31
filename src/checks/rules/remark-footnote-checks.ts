import type { Root } from 'mdast';
import remarkLintNoDuplicateDefinitions from 'remark-lint-no-duplicate-definitions';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';
import remarkLintNoUnusedDefinitions from 'remark-lint-no-unused-definitions';
import type { Plugin } from 'unified';
import { treeNodes } from '../../markdown/shared/tree-nodes.ts';
import type { VFile } from 'vfile';
import { SOURCE } from './report.ts';

const label = (reason: string) => /`([^`]*)`/.exec(reason)?.[1] ?? '?';

/**
 * Footnotes: a call with no definition (which GFM would print as the literal "[^3]"),
 * a definition never called, a label defined twice. remark-lint finds them; this
 * plugin, placed after the three rules, rewrites their messages in French.
 */
function remarkFrenchLintMessages() {
  return (tree: Root, file: VFile) => {
    // "[la société]" or "[…]" in a quotation is plain text to the reader, not a broken link: only
    // footnote calls and full references "[texte][x]" without a definition are mistakes.
    const source = String(file.value);
    file.messages = file.messages.filter((m) => {
      if (m.source !== 'remark-lint' || m.ruleId !== 'no-undefined-references' || !/for a link/.test(m.reason)) return true;
      const place = m.place && 'start' in m.place ? m.place : undefined;
      const text = place?.start.offset !== undefined && place.end.offset !== undefined ? source.slice(place.start.offset, place.end.offset) : '';
      return !/^\[[^\]]*\]$/.test(text);
    });
    for (const m of file.messages) {
      if (m.source !== 'remark-lint') continue;
      const id = label(m.reason);
      let reason: string | undefined;
      if (m.ruleId === 'no-undefined-references') {
        reason = /for a footnote/.test(m.reason)
          ? `l’appel de note [^${id}] n’a pas de définition (le lecteur verrait « [^${id}] » tel quel) : ajoutez en fin de fichier une ligne « [^${id}]: [Titre de la source](https://…) », ou corrigez le numéro de l’appel`
          : `le lien [${id}] renvoie à une définition « [${id}]: adresse » qui n’existe pas : écrivez le lien en entier, [texte](https://…), ou, si ce sont de simples crochets, écrivez \\[`;
      } else if (m.ruleId === 'no-unused-definitions') {
        reason = /footnote/.test(m.reason)
          ? `la note [^${id}] est définie mais jamais appelée (elle n’apparaîtrait pas) : ajoutez l’appel [^${id}] dans le texte, ou supprimez la définition`
          : `la définition de lien [${id}] n’est utilisée par aucun lien : supprimez-la ou utilisez-la`;
      } else if (m.ruleId === 'no-duplicate-definitions') {
        const footnote = /footnote/.test(m.reason);
        // From the index of the tree the rules already share (no walk of its own).
        const first = treeNodes(tree)
          .of(footnote ? 'footnoteDefinition' : 'definition')
          .find((node) => node.identifier === id.toLowerCase())?.position?.start.line;
        // Lines of the file: Astro's tree starts at the body (checkTree's lineOffset counts the lines before).
        const where = first ? ` (déjà ligne ${first + ((file.data as { lineOffset?: number }).lineOffset ?? 0)})` : '';
        reason = footnote
          ? `la note [^${id}] est définie deux fois${where} : supprimez le doublon, ou donnez à l’une des deux un autre numéro et appelez-la avec ce numéro`
          : `la définition de lien [${id}] est écrite deux fois${where} : supprimez le doublon`;
      }
      if (!reason) continue;
      m.reason = reason;
      m.message = reason;
      m.source = SOURCE;
    }
  };
}

/** The footnote checks: three remark-lint rules, then their messages in French. */
export const remarkFootnoteChecks = [
  remarkLintNoUndefinedReferences,
  remarkLintNoUnusedDefinitions,
  remarkLintNoDuplicateDefinitions,
  remarkFrenchLintMessages,
] as Plugin<[], Root>[];
