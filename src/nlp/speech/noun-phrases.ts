import type { Token } from '../../types.js';

/** Inclusive token range `[first, last]` into `Analysis.tokens`. */
export type TokenRange = [number, number];

const NP_WORD = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
const NP_LINK = new Set(['of', 'for', 'at', 'from']); // "a spokeswoman for the ministry"
const SUBJECT_PRONOUN = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

function isNpWord(t: Token): boolean {
  return NP_WORD.has(t.pos) || t.lemma === "'s" || t.text === '’s';
}

function startsNp(t: Token): boolean {
  return t.pos === 'DET' || POSSESSIVE.has(t.lemma);
}

/**
 * The noun phrase (or subject pronoun) ending at token `j`, not reaching before `from`.
 * Example: in `…, a spokesman for the ministry said`, from `ministry` back to `a`.
 */
export function npEndingAt(tokens: Token[], from: number, j: number): TokenRange | null {
  if (j < from) return null;
  const head = tokens[j];
  if (head.pos === 'PRON') return SUBJECT_PRONOUN.has(head.lemma) ? [j, j] : null;
  if (!isNpWord(head)) return null;
  let k = j;
  while (k - 1 >= from) {
    const t = tokens[k - 1];
    if (isNpWord(t)) k--;
    else if (t.text === '-' && k - 2 >= from && t.start === tokens[k - 2].end && t.end === tokens[k].start)
      k -= 2; // "Kuziel-Zawalich"
    else if (startsNp(t)) {
      k--;
      // "A police video of the rescue": the determiner may start a phrase inside a larger one.
      if (k - 2 >= from && NP_LINK.has(tokens[k - 1].lemma) && isNpWord(tokens[k - 2])) k--;
      else break;
    } else if (NP_LINK.has(t.lemma) && k - 2 >= from && isNpWord(tokens[k - 2])) k--;
    else break;
  }
  return [k, j];
}

/** The noun phrase starting at token `i`, not reaching `to`. Example: `said Germany's defence minister in Berlin` → `Germany's defence minister`. */
export function npStartingAt(tokens: Token[], i: number, to: number): TokenRange | null {
  let k = i;
  if (k < to && tokens[k].pos === 'PRON') return SUBJECT_PRONOUN.has(tokens[k].lemma) ? [k, k] : null;
  if (k < to && startsNp(tokens[k])) k++;
  const firstWord = k;
  while (k < to) {
    const t = tokens[k];
    if (isNpWord(t)) k++;
    else if (
      NP_LINK.has(t.lemma) &&
      k > firstWord &&
      k + 1 < to &&
      (isNpWord(tokens[k + 1]) || startsNp(tokens[k + 1]))
    )
      k += startsNp(tokens[k + 1]) ? 2 : 1;
    else break;
  }
  return k > firstWord ? [i, k - 1] : null;
}

/** Runs of consecutive PROPN tokens inside a range ("Defence Minister Boris Pistorius"). */
export function properRuns(tokens: Token[], [first, last]: TokenRange): TokenRange[] {
  const runs: TokenRange[] = [];
  for (let i = first; i <= last; i++) {
    if (tokens[i].pos !== 'PROPN' || !/^\p{Lu}/u.test(tokens[i].text)) continue;
    let j = i;
    while (j + 1 <= last && tokens[j + 1].pos === 'PROPN' && /^\p{Lu}/u.test(tokens[j + 1].text)) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}
