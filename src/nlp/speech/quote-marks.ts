/**
 * Quote-mark classification: which characters can open or close a quotation, and whether a given
 * occurrence is a quote mark at all (apostrophes in "Germany's", "don't", "'90s" are not).
 */

export type MarkFamily = 'double' | 'single' | 'guillemet' | 'latex';

export interface Mark {
  /** Offset of the mark in the text, and its length (2 for `` and ''). */
  at: number;
  length: number;
  family: MarkFamily;
  /** open: can only open; close: can only close; either: a straight quote whose role comes from context. */
  role: 'open' | 'close' | 'either';
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// What may stand right before an opening mark: nothing, space, or opening punctuation / dash.
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}

/** True when `'` or `’` at `i` sits inside or right before a word as an apostrophe ("don't", "'90s", "'em"). */
function isApostrophe(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  if (isWordChar(before) && isWordChar(after)) return true; // don't, Germany's
  // "rock 'n' roll": both marks of 'n' are elisions.
  if (
    /^['’]n['’]\s/.test(text.slice(i, i + 4)) ||
    (/[\s]/.test(text[i + 1] ?? '') && /\s['‘’]n$/.test(text.slice(i - 3, i)))
  )
    return true;
  // Decade or year elision: '90s, ’05
  if (!isWordChar(before) && /^\d\d(s\b|\b)/.test(text.slice(i + 1, i + 4))) return true;
  return false;
}

/** Can a single straight/curly mark at `i` open a quote? (Space or start before it, a word after it.) */
function canOpen(text: string, i: number, length: number): boolean {
  const before = text[i - 1];
  const after = text[i + length];
  if (before !== undefined && !BEFORE_OPEN.test(before) && !/["“«‘`']/.test(before)) return false;
  return after !== undefined && !/\s/.test(after);
}

/** Can a mark at `i` close a quote? (A non-space before it, and no word character right after.) */
function canClose(text: string, i: number, length: number): boolean {
  const before = text[i - 1];
  const after = text[i + length];
  if (before === undefined || /\s/.test(before)) return false;
  return !isWordChar(after);
}

/**
 * Every candidate quote mark in `text[start, end)`, in order.
 * Example: in `Germany’s ‘daft notion’` the first `’` is an apostrophe and is skipped.
 */
export function scanMarks(text: string, start: number, end: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = start; i < end; i++) {
    const ch = text[i];
    switch (ch) {
      case '“':
        marks.push({ at: i, length: 1, family: 'double', role: 'open' });
        break;
      case '”':
        // German-style „…“ is rare in English copy; a ” that cannot close is usually a stray mark.
        marks.push({ at: i, length: 1, family: 'double', role: 'close' });
        break;
      case '„':
        marks.push({ at: i, length: 1, family: 'double', role: 'open' });
        break;
      case '"':
        marks.push({ at: i, length: 1, family: 'double', role: roleFromContext(text, i, 1) });
        break;
      case '«':
        marks.push({ at: i, length: 1, family: 'guillemet', role: 'open' });
        break;
      case '»':
        marks.push({ at: i, length: 1, family: 'guillemet', role: 'close' });
        break;
      case '`':
        if (text[i + 1] === '`') {
          marks.push({ at: i, length: 2, family: 'latex', role: 'open' });
          i++;
        }
        break;
      case '‘':
      case '’':
      case "'": {
        if (ch === "'" && text[i + 1] === "'") {
          marks.push({ at: i, length: 2, family: 'latex', role: 'close' });
          i++;
          break;
        }
        if (isApostrophe(text, i)) break;
        const open = ch !== '’' && canOpen(text, i, 1);
        const close = ch !== '‘' && canClose(text, i, 1);
        if (open || close)
          marks.push({ at: i, length: 1, family: 'single', role: open && close ? 'either' : open ? 'open' : 'close' });
        break;
      }
    }
  }
  return marks;
}

function roleFromContext(text: string, i: number, length: number): Mark['role'] {
  const open = canOpen(text, i, length);
  const close = canClose(text, i, length);
  if (open && !close) return 'open';
  if (close && !open) return 'close';
  return 'either';
}

/** Does this mark close a quote opened with `family`? */
export function closes(mark: Mark, family: MarkFamily): boolean {
  if (mark.role === 'open') return false;
  if (mark.family === family) return true;
  // `` … " and “ … " are common mixed pairings in scraped copy.
  return family === 'latex' && mark.family === 'double';
}

/** A plural possessive like "farmers’ union" looks like a closing single mark; prefer a later closer. */
export function looksPossessive(text: string, mark: Mark): boolean {
  return (
    mark.family === 'single' &&
    /s/i.test(text[mark.at - 1] ?? '') &&
    /^\s+[a-z]/.test(text.slice(mark.at + 1, mark.at + 4))
  );
}
