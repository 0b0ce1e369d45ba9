/** Article metadata from `<meta>` tags, JSON-LD and `<time>`, for what Readability misses. */
export interface HtmlMeta {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  published: string | null;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|WebPage/;

export function readMeta(doc: Document): HtmlMeta {
  const ld = jsonLdArticle(doc);
  const meta = (...keys: string[]): string | null => {
    for (const k of keys) {
      const el = doc.querySelector(`meta[property="${k}" i], meta[name="${k}" i], meta[itemprop="${k}" i]`);
      const v = el?.getAttribute('content')?.trim();
      if (v) return v;
    }
    return null;
  };
  const author = meta('author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator');
  return {
    title: meta('og:title', 'twitter:title') ?? str(ld?.headline) ?? headline(doc),
    byline: name(ld?.author) ?? (author && !/^https?:/.test(author) ? author : null),
    outlet: meta('og:site_name', 'application-name') ?? name(ld?.publisher),
    published:
      str(ld?.datePublished) ??
      meta(
        'article:published_time',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'parsely-pub-date',
        'sailthru.date',
      ) ??
      (doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null),
  };
}

/**
 * The page's <h1> when <title> contains it ("Shocking: Rail Authority Admits Disaster – Daily Truth Wire"), which
 * is the headline without the site name; readability's own guess cuts such titles at the colon.
 */
function headline(doc: Document): string | null {
  const title = doc.title?.replace(/\s+/g, ' ').trim() ?? '';
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return h1 && title.includes(h1) ? h1 : null;
}

type Json = Record<string, unknown>;

/** The first JSON-LD object typed like an article, looking inside arrays and `@graph`; broken JSON is ignored. */
function jsonLdArticle(doc: Document): Json | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length) {
      const item = stack.shift();
      if (Array.isArray(item)) stack.push(...item);
      else if (item && typeof item === 'object') {
        const obj = item as Json;
        const type = ([] as unknown[]).concat(obj['@type'] ?? []).join(' ');
        if (ARTICLE_TYPES.test(type) && (obj.headline || obj.datePublished || obj.author)) return obj;
        if (obj['@graph']) stack.push(obj['@graph']);
      }
    }
  }
  return null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** `"Maria Lenz"`, `{name}` or a list of either → "Maria Lenz, Tom Hale". */
function name(v: unknown): string | null {
  const names = ([] as unknown[])
    .concat(v ?? [])
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? str((x as Json).name) : null))
    .filter((x): x is string => !!x && !/^https?:/.test(x));
  return names.length ? names.join(', ') : null;
}
