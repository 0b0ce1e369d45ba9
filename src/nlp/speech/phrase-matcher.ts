import type { Token } from '../../types.js';

/** A lexicon entry matched against tokens: `match` is words separated by spaces, each a lemma or a lower-case form. */
export interface PhraseEntry {
  cue: string;
  match: string;
  /** Allowed POS tags of the first token ("may" the modal, not "May" the month). */
  pos?: string[];
}

export interface PhraseMatch<E> {
  /** Inclusive token range. */
  first: number;
  last: number;
  entry: E;
}

/**
 * Finds lexicon phrases in token runs, longest first, allowing one adverb inside a phrase
 * ("is widely expected to" matches "be expected to").
 */
export class PhraseMatcher<E extends PhraseEntry> {
  private readonly byFirst = new Map<string, Array<{ words: string[]; entry: E }>>();

  constructor(entries: E[]) {
    for (const entry of entries) {
      const words = entry.match.split(' ');
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, entry });
      this.byFirst.set(words[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  findAll(tokens: Token[], from: number, to: number): Array<PhraseMatch<E>> {
    const out: Array<PhraseMatch<E>> = [];
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      const lower = t.text.toLowerCase();
      const byLemma = this.byFirst.get(t.lemma);
      const byForm = lower !== t.lemma ? this.byFirst.get(lower) : undefined;
      if (!byLemma && !byForm) continue;
      const candidates =
        byLemma && byForm
          ? [...byLemma, ...byForm].sort((a, b) => b.words.length - a.words.length)
          : (byLemma ?? byForm)!;
      for (const { words, entry } of candidates) {
        if (entry.pos && !entry.pos.includes(t.pos)) continue;
        const last = matchRest(tokens, i, to, words);
        if (last < 0) continue;
        out.push({ first: i, last, entry });
        i = last;
        break;
      }
    }
    return out;
  }
}

function matches(t: Token, word: string): boolean {
  return t.lemma === word || t.text.toLowerCase() === word;
}

/** Index of the last token of the phrase starting at `i`, or -1. */
function matchRest(tokens: Token[], i: number, to: number, words: string[]): number {
  let k = i + 1;
  let gapUsed = false;
  for (let w = 1; w < words.length; w++) {
    if (k < to && !matches(tokens[k], words[w]) && !gapUsed && (tokens[k].pos === 'ADV' || tokens[k].lemma === 'not')) {
      gapUsed = true;
      k++;
    }
    if (k >= to || !matches(tokens[k], words[w])) return -1;
    k++;
  }
  return k - 1;
}
