import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { BuiltSite } from '../build/site.ts';
import type { ServedBuild } from './global-setup.ts';

/** A built site as served over HTTP: its pages as URLs a reader would open. */
export class ServedSite {
  readonly built: BuiltSite;
  constructor(readonly served: ServedBuild) {
    this.built = new BuiltSite(served.dir);
  }

  /** Every built page as a path relative to the base ("", "404.html", "secteurs/sante/"). */
  pages(): string[] {
    return this.built.pages().map((p) => p.slice(1));
  }

  url(page: string): string {
    return new URL(page, this.served.url).href;
  }

  /** The sector pages ("secteurs/sante/"), by address. */
  sectorPages(): string[] {
    return this.pages().filter((p) => /^secteurs\/[^/]+\/$/.test(p));
  }

  /** Whether a built page's markup (not its inlined CSS) has an element: detects optional features before testing them. */
  hasElement(page: string, selector: string): boolean {
    return this.built.document('/' + page).querySelector(selector) !== null;
  }
}

declare global {
  interface Window {
    /** Added to every test page: a short description of an element for failure messages. */
    describeElement(el: Element | null): string;
    /** Relative luminance (WCAG) of any CSS colour, oklch() included. */
    luminance(color: string): number;
  }
}

/** tag#id.class[href] "text": enough to find the element in the page. */
function describeElement(el: Element | null): string {
  if (!el) return String(el);
  const id = el.id ? `#${el.id}` : '';
  const cls = el.classList.length ? '.' + [...el.classList].slice(0, 3).join('.') : '';
  const href = el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return el.tagName.toLowerCase() + id + cls + href + (text ? ` "${text}"` : '');
}

/** WCAG relative luminance; a canvas turns any CSS colour (Tailwind's oklch()) into sRGB. */
function luminance(color: string): number {
  const ctx = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A fresh page (no cache, no cookies) in its own context, able to describe its elements. */
export async function freshPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.addInitScript(`window.describeElement = ${describeElement.toString()}; window.luminance = ${luminance.toString()};`);
  return context.newPage();
}
