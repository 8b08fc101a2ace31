import type { Options } from 'rehype-external-links';

/**
 * External links stay in the same tab (the reader decides), carry
 * rel="noopener noreferrer", and tell screen-reader users they leave the site.
 */
export const externalLinksOptions: Options = {
  rel: ['noopener', 'noreferrer'],
  protocols: ['http', 'https'],
  content: { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: ' (site externe)' }] },
};
