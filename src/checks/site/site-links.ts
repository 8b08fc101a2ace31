import path from 'node:path';
import { LAYOUT_IDS } from '../../utils/site.ts';
import { closest } from '../report/closest.ts';
import type { SiteIndex } from '../files/site-index.ts';

/**
 * Links from a content file to a page of the site ("/secteurs/finance/#la-fraude", "../sante/", "#plus-bas"):
 * they depend on the other files, so the checks resolve them against the whole site once every file is read.
 */

const LAYOUT_ID_LIST: string[] = Object.values(LAYOUT_IDS);

/** Why a link to a page of the site would break, in French, or undefined if it works. */
export function internalLinkProblem(url: string, currentUrl: string, ownAnchors: Set<string>, index: SiteIndex, includeDrafts: boolean): string | undefined {
  let target: URL;
  let hash: string;
  let pathname: string;
  try {
    target = new URL(url, `http://site${currentUrl}`);
    hash = decodeURIComponent(target.hash.slice(1));
    pathname = decodeURI(target.pathname);
  } catch {
    return `l’adresse du lien « ${url} » est mal formée (un « % » doit être suivi de deux chiffres ou lettres) : corrigez-la`;
  }
  if (!pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(pathname)) pathname += '/';
  const samePage = url.startsWith('#') || pathname === currentUrl;
  const pages = samePage ? undefined : index.byUrl.get(pathname);
  if (!samePage && !pages && index.staticUrls.has(pathname)) return undefined;
  if (!samePage) {
    if (!pages || (!includeDrafts && pages.every((e) => e.draft))) {
      // Every page's address, only for a broken link's suggestion: computing it for each working link made the build quadratic.
      const known = [...index.byUrl.entries()]
        .filter(([, es]) => includeDrafts || es.some((e) => !e.draft))
        .map(([u]) => u)
        .concat([...index.staticUrls]);
      if (pages)
        return `le lien « ${url} » mène à ${pathname}, un brouillon (draft: true) qui ne sera pas publié : retirez le lien, ou publiez d’abord cette page`;
      const mdFile = /([^/]+)\.mdx?\/?$/.exec(pathname)?.[1];
      const fromFile = mdFile && index.entries.find((e) => path.basename(e.file).replace(/\.mdx?$/, '') === mdFile);
      // Compare the last path segment: a typo in "finanse", not the shared "/secteurs/" prefix.
      const segment = (u: string) => u.split('/').filter(Boolean).pop() ?? '';
      const near = closest(segment(pathname), known.map(segment).filter(Boolean));
      const guess = fromFile ? fromFile.url : near !== undefined ? known.find((u) => segment(u) === near) : undefined;
      return (
        `le lien « ${url} » mène à ${pathname}, une page qui n’existe pas sur le site` +
        (guess ? ` : vouliez-vous écrire « ${guess} » ?` : '.') +
        ' L’adresse d’un secteur est /secteurs/ suivi du nom de son fichier sans « .md », puis « / » (par exemple /secteurs/finance/)'
      );
    }
  }
  if (!hash) return undefined;
  const anchors = samePage ? ownAnchors : pages![0].anchors;
  if (anchors.has(hash)) return undefined;
  const headings = [...anchors].filter((a) => !a.startsWith('user-content-') && a !== 'footnote-label' && !LAYOUT_ID_LIST.includes(a));
  const guess = closest(hash, headings);
  return (
    `le lien « ${url} » vise la section #${hash}, qui n’existe pas sur la page ${samePage ? 'courante' : pathname}` +
    (guess ? ` : vouliez-vous écrire #${guess} ?` : '.') +
    (headings.length ? ` Sections de cette page : ${headings.map((h) => `#${h}`).join(', ')}.` : ' Cette page n’a pas d’intertitres.') +
    ' L’ancre d’un intertitre est son texte en minuscules, sans accents, les mots reliés par des tirets'
  );
}
