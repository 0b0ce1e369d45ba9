import type { Analysis, Block, Extracted } from '../types.js';
import { emptyLayers } from '../nlp/layers.js';
import { tokenise } from '../nlp/01-sentences.js';

/**
 * A light Analysis of raw text (sentences and tokens only, one paragraph per blank-line block; a block starting
 * with `# ` is a heading). For raw sentence pairs (sentenceSimilarity, eval) where the full pipeline is not needed.
 */
export function plainAnalysis(text: string): Analysis {
  const blocks: Block[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].trimEnd().length;
    if (end <= start) continue;
    const heading = text.startsWith('# ', start);
    blocks.push({ start: heading ? start + 2 : start, end, kind: heading ? 'heading' : 'paragraph' });
  }
  const ex: Extracted = {
    text,
    title: null,
    byline: null,
    outlet: null,
    published: null,
    url: null,
    blocks,
    boilerplate: [],
    format: 'text',
    encoding: 'utf-8',
    warnings: [],
  };
  const { sentences, tokens } = tokenise(ex);
  return {
    schema: 'unspun.analysis/2',
    text,
    title: null,
    byline: null,
    outlet: null,
    published: null,
    url: null,
    language: null,
    warnings: [],
    sentences,
    boilerplate: [],
    tokens,
    ...emptyLayers(),
  };
}
