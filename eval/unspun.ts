/**
 * The Unspun kernel as the tasks use it. Analyses are cached by text for the whole run: METER sources and FRANK
 * articles are compared many times. The word vectors are loaded once here, as the CLI does.
 */
import { loadVectors } from '../src/align/vectors.js';
import { loadLexicon } from '../src/align/words/wordnet.js';
import { alignWords, type WordPair } from '../src/align/words/index.js';
import { compareAnalyses } from '../src/compare.js';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import type { Analysis, CompareResult } from '../src/types.js';

export interface Kernel {
  /** compare(source, derived) over cached analyses. */
  compare(source: string, derived: string): CompareResult;
  /** The cached analysis of a text (the passages task reads its tokens). */
  analysis(text: string): Analysis;
  /** Word alignment of two texts, every sentence of one against every sentence of the other. */
  words(source: string, derived: string): WordPair[];
}

let kernel: Kernel | null = null;

/** The kernel, built once per run (`reason` is kept for the tasks' skip messages and is always empty). */
export async function loadKernel(): Promise<{ kernel: Kernel | null; reason: string }> {
  if (!kernel) {
    const vectors = loadVectors();
    const lexicon = loadLexicon();
    const cache = new Map<string, Analysis>();
    const analysis = (text: string): Analysis => {
      let a = cache.get(text);
      if (!a) cache.set(text, (a = analyze(extract(text, { format: 'text' }))));
      return a;
    };
    kernel = {
      analysis,
      compare: (s, d) => compareAnalyses(analysis(s), analysis(d), { vectors, lexicon }),
      words: (s, d) => {
        const [a, b] = [analysis(s), analysis(d)];
        const ids = (x: Analysis) => x.sentences.map((q) => q.id);
        return alignWords(a, b, ids(a), ids(b), { vectors, lexicon });
      },
    };
  }
  return { kernel, reason: '' };
}
