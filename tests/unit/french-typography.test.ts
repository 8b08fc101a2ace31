import { describe, expect, it } from 'vitest';
import { rehypeFrenchTypography } from '../../src/markdown/typography/rehype-french-typography.ts';
import { frenchTypography } from '../../src/utils/text/french-typography.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';

// Visible markers for the two spaces, so failures are readable.
const show = (s: string) => s.replace(/\u202f/g, '⍽').replace(/\u00a0/g, '·');

describe('frenchTypography (plain strings)', () => {
  it.each([
    ['Vraiment ?', 'Vraiment⍽?'],
    ['Vraiment?', 'Vraiment⍽?'],
    ['Attention !', 'Attention⍽!'],
    ['un ; deux', 'un⍽; deux'],
    ['Note : voir plus bas', 'Note· voir plus bas'.replace('·', '·:')],
    ['Note: voir plus bas', 'Note·: voir plus bas'],
    ['« bonjour »', '«·bonjour·»'],
    ['«bonjour»', '«·bonjour·»'],
    ['Quoi ?!', 'Quoi⍽?!'],
    ['Quoi?!', 'Quoi⍽?!'],
    ['(vraiment?)', '(vraiment⍽?)'],
    ['« Oui » ?', '«·Oui·»⍽?'],
    ['Finance : rapports', 'Finance·: rapports'],
  ])('%s', (input, expected) => {
    expect(show(frenchTypography(input))).toBe(expected);
  });

  it('replaces an existing space instead of adding one, whatever space it was', () => {
    expect(show(frenchTypography('mot\u00a0?'))).toBe('mot⍽?');
    expect(show(frenchTypography('mot  ?'))).toBe('mot⍽?');
    expect(show(frenchTypography('mot\n?'))).toBe('mot⍽?');
    expect(show(frenchTypography('«  mot\u202f»'))).toBe('«·mot·»');
  });

  it('is idempotent', () => {
    const once = frenchTypography('« Quoi ? » Oui : à 10:30 ; https://a.fr/?q=1 !');
    expect(frenchTypography(once)).toBe(once);
  });

  it('leaves times, ratios, URLs and query strings alone', () => {
    expect(frenchTypography('Rendez-vous à 10:30.')).toBe('Rendez-vous à 10:30.');
    expect(frenchTypography('Voir https://exemple.fr/page?id=3&x=1 ou http://a.fr:8080/x')).toBe('Voir https://exemple.fr/page?id=3&x=1 ou http://a.fr:8080/x');
    expect(frenchTypography('www.exemple.fr/a?b=c;d')).toBe('www.exemple.fr/a?b=c;d');
    expect(frenchTypography('un ratio 1:2')).toBe('un ratio 1:2');
    expect(frenchTypography('a;b et ?q=1')).toBe('a;b et ?q=1');
  });

  it('still spaces the sentence punctuation that follows a URL', () => {
    expect(show(frenchTypography('Avez-vous lu https://exemple.fr/faq ?'))).toBe('Avez-vous lu https://exemple.fr/faq⍽?');
  });

  it('adds no space at the start of a text, nor after a sign that is not a word', () => {
    expect(frenchTypography('? suite')).toBe('? suite');
    expect(frenchTypography(': suite')).toBe(': suite');
    expect(frenchTypography('!important')).toBe('!important');
    expect(frenchTypography('a - !x')).toBe('a - !x');
  });
});

async function md(markdown: string): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkRehype).use(rehypeFrenchTypography).use(rehypeStringify).process(markdown);
  return show(String(file).trim());
}

describe('rehypeFrenchTypography (rendered markdown)', () => {
  it('handles punctuation right after emphasis, in the next text node', async () => {
    expect(await md('Un *mot* ?')).toBe('<p>Un <em>mot</em>⍽?</p>');
    expect(await md('Un *mot*?')).toBe('<p>Un <em>mot</em>⍽?</p>');
    expect(await md('**Attention** : ceci')).toBe('<p><strong>Attention</strong>·: ceci</p>');
    expect(await md('*Vraiment ?*')).toBe('<p><em>Vraiment⍽?</em></p>');
  });

  it('replaces a space that sits inside the previous element instead of doubling it', async () => {
    expect(await md('Un [mot ](/page/)?')).toBe('<p>Un <a href="/page/">mot⍽</a>?</p>');
  });

  it('puts the space after « inside the next element when the quote opens it', async () => {
    expect(await md('«*mot*»')).toBe('<p>«·<em>mot</em>·»</p>');
  });

  it('never touches code spans, code blocks or !important in inline code', async () => {
    expect(await md('Écrivez `color: red !important;` ici : voilà')).toBe('<p>Écrivez <code>color: red !important;</code> ici·: voilà</p>');
    expect(await md('```\nRôle : expert ?\n```')).toBe('<pre><code>Rôle : expert ?\n</code></pre>');
    expect(await md('La balise `<br>` ?')).toBe('<p>La balise <code>&#x3C;br></code>⍽?</p>');
  });

  it('never touches link targets or URLs shown as link text, but typesets text attributes (title, alt)', async () => {
    expect(await md('[Page : deux ?](https://exemple.fr/a?b=1 "Titre : x")')).toBe(
      '<p><a href="https://exemple.fr/a?b=1" title="Titre·: x">Page·: deux⍽?</a></p>',
    );
    expect(await md('![Schéma : étapes](/img/a:b.png)')).toBe('<p><img src="/img/a:b.png" alt="Schéma·: étapes"></p>');
    expect(await md('<https://exemple.fr/a?b=c>')).toBe('<p><a href="https://exemple.fr/a?b=c">https://exemple.fr/a?b=c</a></p>');
  });

  it('does not join separate blocks', async () => {
    expect(await md('Un mot\n\n? suite')).toBe('<p>Un mot</p>\n<p>? suite</p>');
    expect(await md('# Titre\n\n: suite')).toBe('<h1>Titre</h1>\n<p>: suite</p>');
  });

  it('spaces headings and list items too', async () => {
    expect(await md('## Pourquoi ?\n\n- un : deux')).toBe('<h2>Pourquoi⍽?</h2>\n<ul>\n<li>un·: deux</li>\n</ul>');
  });
});
