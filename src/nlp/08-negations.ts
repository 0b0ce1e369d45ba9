import { lexicon } from '../lexicons.js';
import type { Analysis, Negation, Token } from '../types.js';
import { PhraseMatcher, type PhraseEntry } from './speech/phrase-matcher.js';

interface NegationEntry extends PhraseEntry {
  /** none: a phrase with a negator that asserts ("not only … but also"): matched so its negator is never a cue. */
  class: 'syntactic' | 'lexical' | 'none';
}

let matcher: PhraseMatcher<NegationEntry> | null = null;

/**
 * Step 08: negation cues (lexicons/negations.json), syntactic ("not", "n't", "never", "no") and lexical ("denied").
 * Example: `The ministry didn't confirm` → {cue: "not", text: "n't"}; `not only late but also over budget` → none.
 */
export function findNegations(doc: Analysis): Negation[] {
  matcher ??= new PhraseMatcher(lexicon<NegationEntry>('negations').entries);
  const negations: Negation[] = [];
  for (const s of doc.sentences) {
    for (const m of matcher.findAll(doc.tokens, s.tokenStart, s.tokenEnd)) {
      if (m.entry.class === 'none') continue;
      if (m.entry.cue === 'no' && isNumberSign(doc.tokens, m.last, s.tokenEnd)) continue;
      const start = doc.tokens[m.first].start;
      const end = doc.tokens[m.last].end;
      negations.push({ start, end, text: doc.text.slice(start, end), sentence: s.id, cue: m.entry.cue });
    }
  }
  return negations;
}

/** "No. 10", "No 3 seed": the abbreviation of number, not a negator. */
function isNumberSign(tokens: Token[], i: number, to: number): boolean {
  const next = tokens[i + 1];
  return i + 1 < to && (next.text === '.' || next.pos === 'NUM');
}
