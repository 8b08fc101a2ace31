/** Site-wide strings shown to readers (French). */
export const SITE_NAME = 'Prompt engineering par secteur';
export const SITE_LOCALE = 'fr_FR';
