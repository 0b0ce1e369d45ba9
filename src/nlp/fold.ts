/**
 * Typographic fold: the one place where the many ways of writing a dash, a space, a digit group or a quote mark
 * become one, before tokens, numbers, dates, entities and lemmas are compared.
 * Length-preserving (one UTF-16 unit in, one out), so every offset into the folded text is an offset into the
 * original: spans keep pointing at what the reader sees.
 *
 * - Hyphens and minus (U+2010 ‐, U+2011 non-breaking ‑, U+2012 figure ‒, U+2212 −, U+FE63, U+FF0D) → "-";
 *   an en dash (U+2013) between two digits or letters ("12–15", "Paris–Berlin") → "-", a spaced one → "—";
 *   U+2015 ― → "—". The em dash stays: attached ("the deal—signed Monday—was") it separates clauses, not words.
 * - Spaces (NBSP, U+2000–U+200A incl. thin, U+202F narrow NBSP, U+205F, U+3000) → " ", except a group separator
 *   inside a figure ("12 000" with a thin or no-break space) → "," as in "12,000".
 * - Quote marks: ‘ ’ ‚ ‛ ′ ` → "'", “ ” „ ‟ ″ → '"'. (Step 02 finds quotations in the original text, where the
 *   direction of a curly mark still tells an opener from a closer.)
 */
export function foldText(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const mapped = MAP.get(c);
    if (mapped !== undefined) out += mapped;
    else if (c === 0x2013) out += attached(text, i) ? '-' : '—';
    else if (SPACES.has(c)) out += groupSeparator(text, i) ? ',' : ' ';
    else out += text[i];
  }
  return out;
}

const NEEDS_FOLD = /[\u00a0\u2000-\u2015\u2018-\u201f\u2032\u2033\u202f\u205f\u2212\u3000\ufe63\uff0d`]/;

const MAP = new Map<number, string>([
  [0x2010, '-'],
  [0x2011, '-'],
  [0x2012, '-'],
  [0x2212, '-'],
  [0xfe63, '-'],
  [0xff0d, '-'],
  [0x2015, '—'],
  [0x2018, "'"],
  [0x2019, "'"],
  [0x201a, "'"],
  [0x201b, "'"],
  [0x2032, "'"],
  [0x60, "'"],
  [0x201c, '"'],
  [0x201d, '"'],
  [0x201e, '"'],
  [0x201f, '"'],
  [0x2033, '"'],
]);

const SPACES = new Set([
  0xa0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
]);
// Space-like characters that typesetters use between digit groups (a plain space is ambiguous: "20 7946 0958").
const GROUP_SPACES = new Set([0xa0, 0x2009, 0x202f, 0x2007]);

const ALNUM = /[\p{L}\p{N}]/u;

/** "12–15", "Paris–Berlin": the dash joins two words or figures. */
function attached(text: string, i: number): boolean {
  return i > 0 && i + 1 < text.length && ALNUM.test(text[i - 1]) && ALNUM.test(text[i + 1]);
}

/** "12 000", "1 250 000": a thin or no-break space after a digit and before exactly three digits. */
function groupSeparator(text: string, i: number): boolean {
  if (!GROUP_SPACES.has(text.charCodeAt(i)) || !isDigit(text, i - 1)) return false;
  return isDigit(text, i + 1) && isDigit(text, i + 2) && isDigit(text, i + 3) && !isDigit(text, i + 4);
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}
