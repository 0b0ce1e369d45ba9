import type { Analysis } from '../../types.js';

/** Names that would credit the source: outlet, host ("reuters.com" and "reuters"), author names and surnames. */
export function creditsOf(doc: Analysis): string[] {
  const out: string[] = [];
  if (doc.outlet?.trim()) out.push(doc.outlet.trim());
  const host = hostOf(doc.url);
  if (host) {
    out.push(host);
    const label = host.split('.').slice(-2, -1)[0];
    if (label && label.length >= 4) out.push(label);
  }
  for (const author of (doc.byline ?? '').replace(/^\s*by\s+/i, '').split(/\s*(?:,|\band\b|&)\s*/i)) {
    const name = author.trim();
    if (!name || !/\p{Lu}/u.test(name)) continue;
    out.push(name);
    const surname = name.split(/\s+/).pop()!;
    if (surname !== name && surname.length >= 3) out.push(surname);
  }
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(c.toLowerCase()) && seen.add(c.toLowerCase()));
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}
