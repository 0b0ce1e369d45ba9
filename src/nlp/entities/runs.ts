import type { Sentence, Token } from '../../types.js';
import { entityLexicons, fold, NAME_PARTICLES } from './lexicons.js';

/** A candidate name: a run of capitalised tokens `[first, last]` (token indices, inclusive). */
export interface Run {
  first: number;
  last: number;
  sentence: number;
  /** The run starts a sentence, a quote or a clause after a colon: capitalisation proves nothing there. */
  initial: boolean;
}

// Lower-case particles inside personal names: "Ursula von der Leyen", "Rio de Janeiro", "Bashar al-Assad".
const NEVER_CAP_POS = new Set(['PUNCT', 'SYM', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'ADP']);
const TITLE_CASE_ALLOWED_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'X']);
const OPENERS = new Set(['"', '“', '‘', "'", '«', '(', '[', ':', '—', '–', '-', '•']);
const CAPITAL = /^\p{Lu}/u;
// "G7", "F-35" style names start with a capital too; a bare number is never a name.
const HAS_LETTER = /\p{L}/u;

/** Whether a token can be part of a name (capitalised word, not a function word). */
export function isCapWord(tok: Token, titleCase: boolean): boolean {
  if (!CAPITAL.test(tok.text) || !HAS_LETTER.test(tok.text)) return false;
  if (tok.text === 'I') return false;
  return titleCase ? TITLE_CASE_ALLOWED_POS.has(tok.pos) : !NEVER_CAP_POS.has(tok.pos) || tok.pos === 'PROPN';
}

function isInitial(tokens: Token[], i: number, s: Sentence): boolean {
  if (i === s.tokenStart) return true;
  return OPENERS.has(tokens[i - 1].text);
}

/** Tokens touching with no space between them: "Baden" "-" "Württemberg". */
function touching(a: Token, b: Token): boolean {
  return a.end === b.start;
}

/**
 * Runs of capitalised tokens in one sentence. Inside a run we allow hyphen joins ("Mercedes-Benz"), attached dots
 * ("Maj" "." "Gen."), name particles ("von der"), "&" ("Marks & Spencer"), and "of"/"for"/"of the" only after a
 * head word or title ("Ministry of Defence", "Secretary of State"), "and" only after such an "of" following a head word
 * ("Department of Health and Human Services", but not "Secretary of State X and Y").
 */
export function findRuns(tokens: Token[], s: Sentence, titleCase: boolean): Run[] {
  const runs: Run[] = [];
  const end = s.tokenEnd;
  let i = s.tokenStart;
  while (i < end) {
    if (!isCapWord(tokens[i], titleCase)) {
      i++;
      continue;
    }
    let last = i;
    let sawOf = false;
    for (;;) {
      const next = last + 1;
      if (next >= end) break;
      const t = tokens[next];
      if (isCapWord(t, titleCase)) {
        last = next;
        continue;
      }
      const after = tokens[next + 1];
      if (!after || next + 1 >= end) break;
      if (
        (t.text === '-' || t.text === '.') &&
        touching(tokens[last], t) &&
        CAPITAL.test(after.text) &&
        (t.text === '.' || touching(t, after))
      ) {
        last = next + 1;
        continue;
      }
      const word = t.text.toLowerCase();
      if (NAME_PARTICLES.has(word) && !titleCase) {
        let k = next;
        // "Bashar al-Assad": a particle may be hyphenated to the name.
        while (
          k < end &&
          (NAME_PARTICLES.has(tokens[k].text.toLowerCase()) ||
            (tokens[k].text === '-' && touching(tokens[k - 1], tokens[k])))
        )
          k++;
        if (k < end && isCapWord(tokens[k], titleCase)) {
          last = k;
          continue;
        }
        break;
      }
      if (word === '&' && isCapWord(after, titleCase)) {
        last = next + 1;
        continue;
      }
      if ((word === 'of' || word === 'for') && joinsAfter(tokens[last])) {
        const k = after.text.toLowerCase() === 'the' && next + 2 < end ? next + 2 : next + 1;
        if (isCapWord(tokens[k], titleCase)) {
          sawOf ||= entityLexicons().headCues.has(fold(tokens[last].text));
          last = k;
          continue;
        }
      }
      if (word === 'and' && sawOf && isCapWord(after, titleCase)) {
        last = next + 1;
        continue;
      }
      break;
    }
    runs.push({ first: i, last, sentence: s.id, initial: isInitial(tokens, i, s) });
    i = last + 1;
  }
  return runs;
}

/** "of"/"for" may continue a name only after a head word or a title: "Bank of England", "Commissioner for Human Rights". */
function joinsAfter(tok: Token): boolean {
  const lex = entityLexicons();
  const w = fold(tok.text);
  return lex.headCues.has(w) || lex.prefixCues.has(w) || lex.titles.has(w);
}
