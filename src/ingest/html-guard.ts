/**
 * Limits on HTML shape, applied to the source before any DOM is built. Readability's scoring walks ancestors for
 * every node and our walk recurses: 2,000 nested `<div>`s took 37 s and 20,000 overflowed the stack, and one tag
 * with a million attributes took minutes. Real articles nest a few dozen levels and carry a few attributes per
 * tag, so the caps never touch them.
 */
export const HTML_LIMITS = {
  /** Open elements at once; tags deeper than this are dropped (their text is kept). */
  maxDepth: 256,
  /** Attributes per tag; the rest are dropped. */
  maxAttributes: 128,
} as const;

/** Elements that never nest: void elements, and those whose end tag is optional so sloppy HTML leaves them open. */
const NO_DEPTH = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp'.split(
    ' ',
  ),
);
/** Their content is raw text: a `<` inside is not a tag. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'plaintext',
  'noscript',
  'iframe',
  'noembed',
  'noframes',
]);

export interface GuardedHtml {
  html: string;
  warnings: string[];
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * One linear pass over the source: finds tags (skipping comments and raw-text elements), drops tags nested deeper
 * than `maxDepth` with their matching end tags, and attributes past `maxAttributes`. Returns the source unchanged
 * (same string) when no limit was reached.
 */
export function guardHtml(
  html: string,
  limits: { maxDepth: number; maxAttributes: number } = HTML_LIMITS,
): GuardedHtml {
  const out: string[] = [];
  let copiedTo = 0;
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  let droppedTags = 0;
  let trimmedTags = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      // Comment, doctype or CDATA: skip to its end.
      const end = html.startsWith('<!--', lt) ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + (html.startsWith('<!--', lt) ? 3 : 1);
      continue;
    }
    const closing = c === 47; /* / */
    const nameAt = closing ? lt + 2 : lt + 1;
    if (nameAt >= n || !isNameStart(html.charCodeAt(nameAt))) {
      i = lt + 1;
      continue;
    }
    let j = nameAt;
    while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>' && html[j] !== '/') j++;
    const name = html.slice(nameAt, j).toLowerCase();
    // Attributes: count them, remember where the limit was passed.
    let attrs = 0;
    let cutAt = -1;
    let selfClosing = false;
    while (j < n && html[j] !== '>') {
      const ch = html.charCodeAt(j);
      if (isSpace(ch)) {
        j++;
        continue;
      }
      if (ch === 47 /* / */) {
        selfClosing = html[j + 1] === '>';
        j++;
        continue;
      }
      const attrStart = j;
      while (
        j < n &&
        !isSpace(html.charCodeAt(j)) &&
        html[j] !== '>' &&
        html[j] !== '=' &&
        !(html[j] === '/' && html[j + 1] === '>')
      )
        j++;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      if (html[j] === '=') {
        j++;
        while (j < n && isSpace(html.charCodeAt(j))) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const close = html.indexOf(q, j + 1);
          j = close < 0 ? n : close + 1;
        } else while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++;
      }
      if (j === attrStart) j++;
      if (++attrs === limits.maxAttributes + 1 && cutAt < 0) cutAt = attrStart;
    }
    const tagEnd = Math.min(n, j + 1);
    if (closing) {
      const d = dropped.get(name) ?? 0;
      if (d > 0) {
        dropped.set(name, d - 1);
        out.push(html.slice(copiedTo, lt));
        copiedTo = tagEnd;
      } else if (!NO_DEPTH.has(name)) {
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
      }
    } else if (!NO_DEPTH.has(name) && !selfClosing && stack.length >= limits.maxDepth) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      droppedTags++;
      out.push(html.slice(copiedTo, lt));
      copiedTo = tagEnd;
    } else {
      if (cutAt >= 0) {
        trimmedTags++;
        out.push(html.slice(copiedTo, cutAt), selfClosing ? '/>' : '>');
        copiedTo = tagEnd;
      }
      if (!NO_DEPTH.has(name) && !selfClosing) stack.push(name);
    }
    i = tagEnd;
    if (!closing && RAW_TEXT.has(name)) {
      // Skip raw text to the matching end tag (case-insensitive search on a bounded window would miss; scan).
      const endTag = new RegExp(`</${name}[\\s>/]`, 'ig');
      endTag.lastIndex = i;
      const m = endTag.exec(html);
      i = m ? m.index : n;
    }
  }
  if (!droppedTags && !trimmedTags) return { html, warnings: [] };
  out.push(html.slice(copiedTo));
  const warnings: string[] = [];
  if (droppedTags)
    warnings.push(`HTML nested deeper than ${limits.maxDepth} elements: ${droppedTags} tag(s) flattened (text kept)`);
  if (trimmedTags)
    warnings.push(
      `${trimmedTags} HTML tag(s) with more than ${limits.maxAttributes} attributes: the extra attributes were dropped`,
    );
  return { html: out.join(''), warnings };
}
