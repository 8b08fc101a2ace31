import { describe, expect, it } from 'vitest';
import { cssForPage, pageNames } from '../../src/styles/page-css.ts';

const page = (body: string) => `<html><head><style></style></head><body>${body}</body></html>`;

describe('pageNames', () => {
  it('lists the elements, classes, ids and attributes of the markup, not those of its style or script', () => {
    const names = pageNames(page('<a class="nav-link x" id="q" data-footnote-ref href="/">a</a><style>.ghost{}</style>'));
    for (const name of ['tag:a', 'class:nav-link', 'class:x', 'id:q', 'attr:data-footnote-ref', 'attr:href']) expect(names).toContain(name);
    expect(names).not.toContain('class:ghost');
  });

  it('gives each page its own names, whatever attributes another page shared with it', () => {
    const first = pageNames(page('<p class="note" id="a">x</p><span class="note">y</span>'));
    const second = pageNames(page('<div class="note">z</div>'));
    expect(first).toContain('id:a');
    expect([...second].filter((name) => !/^tag:(html|head|style|body|\*)$/.test(name)).sort()).toEqual(
      ['attr:class', 'class:note', 'class:pagefind-ui', 'class:sr-only', 'tag:div'].sort(),
    );
  });
});

describe('cssForPage', () => {
  it('keeps the rules an element of the page can match, and only those', () => {
    const css = '.used{color:red}.unused{color:blue}pre{margin:0}';
    expect(cssForPage(css, page('<p class="used">x</p>'))).toBe('.used{color:red}');
    // Another stylesheet of the same length, on a page of the same shape: its own result.
    expect(cssForPage('.used{color:tan}.unused{color:navy}pre{margin:1}', page('<p class="used">x</p>'))).toBe('.used{color:tan}');
  });

  it('judges pages by the names the stylesheet needs: ids it names count, a page’s other ids do not', () => {
    const css = '#contenu{margin:0}:is(.note,#special) b{color:red}.other{color:blue}';
    expect(cssForPage(css, page('<main id="contenu"><h2 id="des-usages">x</h2></main>'))).toBe('#contenu{margin:0}');
    expect(cssForPage(css, page('<main id="contenu"><h2 id="autre-titre">x</h2></main>'))).toBe('#contenu{margin:0}');
    // The same page but for an id the stylesheet names: not the same shape.
    expect(cssForPage(css, page('<main id="contenu"><p id="special2"><b>!</b></p></main>'))).toBe('#contenu{margin:0}');
    expect(cssForPage(css, page('<main id="contenu"><p id="special"><b>!</b></p></main>'))).toBe('#contenu{margin:0}:is(.note,#special) b{color:red}');
  });

  it('keeps what scripts add after load: the search page’s Pagefind UI and the copy buttons’ live region', () => {
    const css = '.pagefind-ui{--pagefind-ui-primary:#123456}.sr-only{position:absolute}.other{color:red}';
    expect(cssForPage(css, page('<div id="search"></div>'))).toBe('.pagefind-ui{--pagefind-ui-primary:#123456}.sr-only{position:absolute}');
  });

  it('drops the Tailwind variables no kept rule reads, with their @property, and keeps the others', () => {
    const css = '@property --tw-font-weight{syntax:"*";inherits:false}.a{--tw-font-weight:700;font-weight:700}.b{--pagefind-ui-primary:#123456}';
    expect(cssForPage(css, page('<p class="a b">x</p>'))).toBe('.a{font-weight:700}.b{--pagefind-ui-primary:#123456}');
  });

  it('writes a variable no kept rule sets as its @property initial value', () => {
    const css =
      '@property --tw-border-style{syntax:"*";inherits:false;initial-value:solid}.border{border-style:var(--tw-border-style);border-width:1px}.border-dashed{--tw-border-style:dashed}';
    expect(cssForPage(css, page('<p class="border">x</p>'))).toBe('.border{border-style:solid;border-width:1px}');
    // Where a kept rule sets it, the variable stays.
    expect(cssForPage(css, page('<p class="border border-dashed">x</p>'))).toContain('border-style:var(--tw-border-style)');
  });

  it('drops a var() declaration a later plain value of the same property overrides, and nothing a browser could need', () => {
    const css = [
      '@property --tw-leading{syntax:"*";inherits:false}',
      '.h1{line-height:var(--tw-leading,1.2);font-size:2rem;line-height:1.15}',
      '.snug{--tw-leading:1.375;line-height:var(--tw-leading)}',
      '.c{width:var(--x,10px);width:min(10px,5vw)}.d{--x:20px}',
      '.i{line-height:var(--tw-leading,1)!important;line-height:1}',
    ].join('');
    const pruned = cssForPage(css, page('<h1 class="h1 snug c d i">x</h1>'));
    expect(pruned).toContain('.h1{font-size:2rem;line-height:1.15}');
    expect(pruned).toContain('.c{width:var(--x,10px);width:min(10px,5vw)}');
    expect(pruned).toContain('line-height:var(--tw-leading,1)!important');
  });

  it('leaves a dividing fallback for the browser to compute (no rounding to five decimals)', () => {
    const css = '.text-sm{font-size:.875rem;line-height:var(--tw-leading,calc(1.25 / .875))}';
    expect(cssForPage(css, page('<p class="text-sm">x</p>'))).toContain('line-height:var(--tw-leading,calc(1.25 / .875))');
  });
});
