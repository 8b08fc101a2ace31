/**
 * What the form says about each frontmatter field, in French: its label, a hint under it and, for long
 * texts, a multi-line box. Keyed by the schema's field names; the fields themselves, their order and
 * their constraints come from the schema (src/cms/fields.ts). A schema field missing here still shows,
 * under its own name, and tests/unit/cms-config.test.ts fails until it has its French label.
 */
export interface FieldText {
  label: string;
  hint?: string;
  /** A box of several lines rather than one line. */
  multiline?: boolean;
  /** One item of a list: its label, and its name after « Ajouter ». */
  item?: { label: string; singular: string };
}

export const SECTOR_FIELDS: Record<string, FieldText> = {
  title: { label: 'Titre', hint: 'Le titre affiché, par exemple « La logistique ». Pour un nouveau secteur, il donne aussi le nom du fichier.' },
  description: {
    label: 'Description',
    hint: 'Une phrase de 160 caractères au plus : elle apparaît sur la carte d’accueil et dans les moteurs de recherche.',
    multiline: true,
  },
  order: { label: 'Ordre', hint: 'La position dans la liste : un nombre entier positif, différent pour chaque secteur.' },
  draft: { label: 'Brouillon', hint: 'Coché : la page s’affiche dans l’aperçu (npm run dev) mais pas sur le site publié.' },
  updated: { label: 'Mise à jour', hint: 'La date de la dernière mise à jour.' },
  slug: { label: 'Adresse', hint: 'Une autre adresse que celle du nom du fichier : minuscules, chiffres et tirets.' },
  aliases: {
    label: 'Anciennes adresses',
    hint: 'Les anciennes adresses de la page, par exemple /secteurs/ancien-nom/ : chacune renvoie vers la page.',
    item: { label: 'Adresse', singular: 'une adresse' },
  },
};

export const HOME_FIELDS: Record<string, FieldText> = {
  title: { label: 'Titre', hint: 'Le titre de la page d’accueil.' },
  description: { label: 'Description', hint: 'Une phrase de 160 caractères au plus, pour les moteurs de recherche.', multiline: true },
  conclusion: { label: 'Conclusion', hint: 'La phrase affichée sous la liste des secteurs.', multiline: true },
};

export const BODY_TEXT: FieldText = {
  label: 'Texte',
  hint: 'Le Markdown du fichier, tel quel : intertitres « ## », appels de note [^1] et leurs définitions en bas, blocs ```text.',
};

/** The hint of `order` when the local backend gives the next free number to a new sector. */
export const ORDER_FILLED_HINT = 'Laissez vide pour un nouveau secteur : il prend le prochain numéro libre à l’enregistrement.';
