import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHTML } from 'linkedom';
import { readMeta, type HtmlMeta } from './html-meta.js';
import { guardHtml } from './html-guard.js';
import { cleanInline, type Unit } from './units.js';

const BLOCK = new Set(
  'address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const SKIP = new Set(
  'script style noscript template svg math iframe object embed canvas button select textarea input option head title meta link'.split(
    ' ',
  ),
);
const HEADING = /^h[1-6]$/;
/** Real article pages have a few thousand elements; a page with more is read whole, without Readability. */
const MAX_READABILITY_ELEMENTS = 30_000;

export interface HtmlResult {
  units: Unit[];
  meta: HtmlMeta;
  warnings: string[];
}

// linkedom and Readability take ~100 ms to load, and plain-text inputs never need them: loaded on the first HTML
// page (their CommonJS builds, since extraction is synchronous).
let dom: { Readability: typeof ReadabilityClass; parseHTML: typeof ParseHTML } | undefined;
function htmlLibs() {
  if (!dom) {
    const require = createRequire(import.meta.url);
    dom = {
      Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
      parseHTML: (require('linkedom') as { parseHTML: typeof ParseHTML }).parseHTML,
    };
  }
  return dom;
}

/** HTML → units: Readability picks the article, its block elements become units; the whole body if it finds nothing. */
export function htmlUnits(source: string, url: string | null = null): HtmlResult {
  const guarded = guardHtml(source);
  const html = guarded.html;
  const warnings: string[] = [...guarded.warnings];
  const doc = parse(html, url);
  const meta = readMeta(doc);
  let article: ReturnType<ReadabilityClass['parse']> = null;
  const ownWarnings = warnings.length; // a failed Readability says so once
  try {
    // Past this many elements Readability's passes cost too much: we use the page body. Counted here because
    // Readability's own maxElemsToParse counts getElementsByTagName('*'), which linkedom answers with 0 (a 10 MB
    // page of paragraphs spent 11 s in Readability).
    const elements = doc.querySelectorAll('*').length;
    if (elements > MAX_READABILITY_ELEMENTS) throw new Error(`Aborting parsing document; ${elements} elements found`);
    article = new (htmlLibs().Readability)(doc, { keepClasses: false }).parse();
  } catch (err) {
    warnings.push(`readability failed (${(err as Error).message}); used the page body`);
  }
  // Navigation is never article text, though Readability keeps it when it picks a whole-page wrapper.
  let units = article?.content
    ? walk(
        parse(`<!DOCTYPE html><html><head></head><body>${article.content}</body></html>`, url).body,
        new Set(['nav']),
      )
    : [];
  if (!units.length) {
    if (warnings.length === ownWarnings) warnings.push('readability found no article; used the page body');
    // Readability mutated the first parse, so parse again.
    units = walk(parse(html, url).body, new Set(['nav']));
  }
  const title = clean(meta.title) ?? clean(article?.title);
  // Readability drops the <h1> that repeats the title; the headline is part of the article, so put it back.
  const titleAt = units.findIndex((u) => u.text === title);
  if (title && units.length && (titleAt < 0 || titleAt > 2)) units.unshift({ text: title, kind: 'heading' });
  else if (titleAt >= 0) units[titleAt].kind = 'heading'; // an unclosed <h1> swallowed by its siblings
  return {
    units,
    warnings,
    meta: {
      title,
      byline: (clean(article?.byline) ?? meta.byline)?.replace(/^by\s+/i, '') || null,
      outlet: clean(article?.siteName) ?? meta.outlet,
      published: clean(article?.publishedTime) ?? meta.published,
    },
  };
}

function clean(s: string | null | undefined): string | null {
  const t = s ? cleanInline(s) : '';
  return t || null;
}

/** linkedom builds no implied `<body>`: "<html><p>…" would leave the body empty, so add the missing tags first. */
function parse(html: string, url: string | null): Document {
  let src = html;
  if (!/<body[\s>]/i.test(src)) {
    if (/<\/head\s*>/i.test(src)) src = src.replace(/<\/head\s*>/i, '$&<body>');
    else if (/<html[^>]*>/i.test(src)) src = src.replace(/<html[^>]*>/i, '$&<head></head><body>');
    else src = `<head></head><body>${src}</body>`;
  }
  if (!/<html[\s>]/i.test(src)) src = `<html>${src}</html>`;
  const { document } = htmlLibs().parseHTML(src);
  if (url) {
    try {
      Object.defineProperty(document, 'baseURI', { value: url, configurable: true });
      Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
    } catch {
      // Relative links stay relative: only used for link targets we do not output.
    }
  }
  return document as unknown as Document;
}

/** Depth-first walk: inline text accumulates until a block boundary; `<br><br>` also ends a paragraph. */
function walk(root: Element | null, skip: Set<string> = new Set()): Unit[] {
  const units: Unit[] = [];
  let buf = '';
  let linkBuf = '';
  let brRun = 0;
  const flush = (kind: Unit['kind'] = 'paragraph') => {
    const text = cleanInline(buf);
    if (text) {
      const linkLen = cleanInline(linkBuf).length;
      units.push({ text, kind, ...(linkLen ? { linkDensity: Math.min(1, linkLen / text.length) } : {}) });
    }
    buf = linkBuf = '';
    brRun = 0;
  };
  const visit = (node: Node, inLink: boolean) => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      buf += t;
      if (inLink) linkBuf += t;
      if (t.trim()) brRun = 0;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (SKIP.has(tag) || skip.has(tag)) return;
    if (tag === 'br') {
      if (++brRun >= 2) flush();
      else buf += ' ';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child, inLink || tag === 'a');
    if (block) flush(HEADING.test(tag) ? 'heading' : 'paragraph');
    else if (tag === 'img') buf += ' ';
  };
  if (root) visit(root, false);
  flush();
  return units;
}
