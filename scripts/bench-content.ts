// Synthetic sectors for the benchmark: realistic French markdown (frontmatter, headings,
// a list, a table, two footnotes), deterministic so that runs compare. Pure except writeSyntheticContent.
// Like real pages, each has a heading of its own (so ids of its own): pages that all shared their
// headings hid the cost of what is worked out per page shape (src/styles/page-css.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DOMAINS = [
  ['l’agriculture', 'les rendements, la météo et les traitements des parcelles'],
  ['l’assurance', 'les sinistres, les contrats et les réclamations des assurés'],
  ['la banque de détail', 'les demandes de crédit, les virements et les questions des clients'],
  ['le bâtiment', 'les devis, les plannings de chantier et les normes de sécurité'],
  ['l’énergie', 'la consommation, la maintenance des réseaux et les relevés de compteurs'],
  ['la grande distribution', 'les stocks, les promotions et les avis des clients'],
  ['l’hôtellerie', 'les réservations, les avis des voyageurs et les menus'],
  ['l’industrie', 'les pannes, la qualité et les procédures de production'],
  ['le journalisme', 'les dépêches, les vérifications et les résumés d’articles'],
  ['le droit', 'les contrats, la jurisprudence et les courriers aux clients'],
  ['les ressources humaines', 'les offres d’emploi, les entretiens et les plans de formation'],
  ['les transports', 'les horaires, les incidents et l’information des voyageurs'],
];

const TASKS = ['résumer', 'classer', 'reformuler', 'traduire', 'vérifier', 'extraire'];

const pad = (n: number) => String(n).padStart(4, '0');

/** Sector number `i` (1-based) as a markdown file: `{ fileName, text }`. */
export function syntheticSector(i: number): { fileName: string; text: string } {
  const [domain, objects] = DOMAINS[(i - 1) % DOMAINS.length];
  const task = TASKS[(i - 1) % TASKS.length];
  const Domain = domain.charAt(0).toUpperCase() + domain.slice(1);
  const title = `${Domain} (secteur synthétique n° ${i})`;
  const description = `Secteur de test n° ${i} : ${task} ${objects} avec des prompts précis.`;
  // A link to another page and one of its sections, so that the link and anchor checks have work.
  const see =
    i > 1
      ? `Voir aussi [les usages du secteur précédent](/secteurs/secteur-${pad(i - 1)}/#des-usages-concrets) et [l’exemple plus haut](#un-exemple-de-prompt).`
      : 'Voir aussi [la liste des secteurs](/) et [l’exemple plus haut](#un-exemple-de-prompt).';
  const text = `---
title: "${title}"
description: "${description}"
order: ${i}
---

Dans ${domain}, le prompt engineering sert à formuler des demandes précises à un modèle de langage pour ${task}
${objects}. Cette page est générée par le banc d’essai : elle a la taille et la forme d’une vraie page[^1].

## Des usages concrets

Un bon prompt précise le rôle attendu, le contexte, le format de la réponse et les limites à respecter.
Les équipes gagnent du temps lorsqu’elles partagent leurs modèles de prompts et les améliorent ensemble.

- Décrire la tâche en une phrase, avec un verbe d’action : « ${task} ».
- Donner un exemple de réponse attendue, court et complet.
- Indiquer ce que le modèle doit faire s’il ne sait pas : le dire plutôt qu’inventer.
- Relire la réponse avant tout usage : le modèle peut se tromper.

## Un exemple de prompt

> Tu es un assistant spécialisé dans ${domain}. À partir des notes ci-dessous, ${task} ${objects}
> en cinq points au plus, en français, sans ajouter d’information absente des notes.

## Ce qu’on mesure

| Critère | Avant | Après |
| --- | --- | --- |
| Temps de rédaction | 30 min | 10 min |
| Relectures nécessaires | 3 | 1 |
| Réponses à reprendre | une sur quatre | une sur dix |

Ces chiffres sont fictifs : ils ne servent qu’à donner au tableau une forme réaliste[^2].

### À retenir du secteur n° ${i}

Le prompt engineering ne remplace pas l’expertise du métier : il la rend plus facile à transmettre.

${see}

[^1]: [Source synthétique n° ${i}-1 du banc d’essai](https://example.org/banc/${pad(i)}/1)
[^2]: [Source synthétique n° ${i}-2 du banc d’essai](https://example.org/banc/${pad(i)}/2)
`;
  return { fileName: `secteur-${pad(i)}.md`, text };
}

/** The edit a rebuild measures: one sentence appended, so the page really changes. */
export function editedSector(text: string, stamp: string): string {
  return `${text.trimEnd()}\n\nModifié par le banc d’essai (${stamp}).\n`;
}

/** Writes `accueil.md` (copied text) and `count` synthetic sectors into `dir`, in CONTENT_DIR layout. */
export function writeSyntheticContent(dir: string, count: number, homeText: string): void {
  mkdirSync(path.join(dir, 'secteurs'), { recursive: true });
  writeFileSync(path.join(dir, 'accueil.md'), homeText);
  for (let i = 1; i <= count; i++) {
    const { fileName, text } = syntheticSector(i);
    writeFileSync(path.join(dir, 'secteurs', fileName), text);
  }
}
