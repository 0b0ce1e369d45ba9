import { lexicon } from '../lexicons.js';
import { lexiconReason } from './boilerplate.js';
import { cleanInline, endsLikeSentence, looksLikeHeading, wordCount, type Unit } from './units.js';

/**
 * Plain text → units. Paragraphs are split on blank lines; inside one, lines are joined unless the text is
 * one-paragraph-per-line. Paragraphs a layout broke across blank lines are rejoined; a short line standing alone
 * without closing punctuation is a heading.
 */
export function plainUnits(text: string): Unit[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const width = wrapWidth(lines);
  const paras: Para[] = [];
  let para: string[] = [];
  const flush = (label = false) => {
    const text = cleanInline(para.join(' '));
    if (text) paras.push({ text, label, lines: para.length });
    para = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    // "Leave a Comment" / "Name *" / "Scroll to Top": each form or share-bar line is its own unit, never joined.
    if (lexiconReason(line)) {
      flush();
      para.push(line);
      flush(true);
      continue;
    }
    const prev = para[para.length - 1];
    // A line ending a sentence well short of the wrap width closes its paragraph even without a blank line.
    if (prev !== undefined && endsLikeSentence(prev) && (width === 0 || prev.length < width * 0.8)) flush();
    para.push(line);
  }
  flush();
  const isTitle = (p: Para, i: number) =>
    i === 0 && p.lines === 1 && !endsLikeSentence(p.text) && wordCount(p.text) <= 25;
  return rejoinFragments(paras).map((p, i, all) => ({
    text: p.text,
    kind: !p.label && (isTitle(p, i) || isHeading(p.text, all[i + 1]?.text)) ? 'heading' : 'paragraph',
  }));
}

/** A paragraph; `label` marks a boilerplate-lexicon line, never joined with its neighbours. */
interface Para {
  text: string;
  label: boolean;
  /** Source lines joined into it: a lone first line is a headline candidate. */
  lines: number;
}

/** "By Anna Keller, Unspun Wire": a byline stands alone, never part of a paragraph. */
const isByline = (t: string) => /^By\s+\p{Lu}/u.test(t) && wordCount(t) <= 12 && !endsLikeSentence(t);

let functionWords: Set<string> | null = null;
function endsWithFunctionWord(s: string): boolean {
  functionWords ??= new Set(lexicon<string>('ingest-function-words').entries);
  const last = /([\p{L}']+)\W*$/u.exec(s)?.[1]?.toLowerCase();
  return !!last && functionWords.has(last);
}

/**
 * Some newspaper exports put a blank line after every typeset line:
 * "Deborah Price, 25, who now works as a researcher on" / "Black's programme" / "also received an apology."
 * A paragraph is continued when it does not end a sentence and the next one starts in lower case, or it ends on a
 * function word, a comma or a dash, or it is too long to be a heading.
 */
function rejoinFragments(paras: Para[]): Para[] {
  const out: Para[] = [];
  let prevSource: Para | undefined;
  for (const p of paras) {
    const prev = out[out.length - 1];
    // The text's first line standing alone is its headline, however long: "Signal faults behind delays, authority says".
    const headline =
      out.length === 1 &&
      prev?.lines === 1 &&
      paras[0] === prevSource &&
      !endsWithFunctionWord(prev.text) &&
      !/[,;–—-]$/.test(prev.text) &&
      !/^\p{Ll}/u.test(p.text);
    const continues =
      prev !== undefined &&
      !p.label &&
      !prev.label &&
      !headline &&
      !isByline(prev.text) &&
      !isByline(p.text) &&
      !endsLikeSentence(prev.text) &&
      !isAllCaps(prev.text) &&
      (/^[\p{Ll}]/u.test(p.text) ||
        endsWithFunctionWord(prev.text) ||
        /[,;–—-]$/.test(prev.text) ||
        wordCount(prev.text) >= 10);
    if (continues) prev.text = `${prev.text} ${p.text}`;
    else out.push({ ...p });
    prevSource = p;
  }
  return out;
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/** A heading stands alone, reads like one, has no clause commas and is followed by text starting a sentence. */
function isHeading(t: string, next: string | undefined): boolean {
  if (!looksLikeHeading(t) || endsWithFunctionWord(t)) return false;
  if (!isAllCaps(t) && t.includes(',')) return false;
  if ((t.match(/"/g)?.length ?? 0) % 2 === 1) return false; // an open quote continues on the next line
  return next === undefined || /^[\p{Lu}\d"“'‘(]/u.test(next);
}

/** The column text was hard-wrapped at, or 0 when lines are not wrapped (most lines near one maximum, ≤ 100). */
export function wrapWidth(lines: string[]): number {
  const lens = lines.map((l) => l.trimEnd().length).filter((n) => n > 0);
  if (lens.length < 4) return 0;
  const max = Math.max(...lens);
  if (max > 100) return 0;
  const near = lens.filter((n) => n >= max * 0.85).length;
  return near >= lens.length * 0.5 ? max : 0;
}
