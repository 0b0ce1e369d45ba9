import { lexicon } from '../../lexicons.js';
import type { Analysis, Sentence } from '../../types.js';
import { wholeSentence } from '../pairs.js';
import type { Check, FindingDraft } from '../types.js';

const MIN_ASSERTION_WORDS = 4;
let prompts: string[] | null = null;

/**
 * A derived body sentence the source does not support: an added fact, evaluation or conclusion.
 * Questions, calls to action ("Let us know in the comments"), fragments and headings assert nothing.
 */
export const unsupportedContent: Check = {
  meta: {
    id: 'unsupported-content',
    severity: 'medium',
    description: 'A sentence of the rewrite asserts something the source does not support (added facts, evaluations, conclusions).',
    messages: { unsupported: 'This sentence of the rewrite has no support in the source.' },
    needsDerivation: true,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const id of [...ctx.shared.unsupportedDerived].sort((a, b) => a - b)) {
      const s = ctx.derived.sentences[id];
      if (s.kind === 'body' && asserts(ctx.derived, s)) out.push({ messageId: 'unsupported', source: null, derived: wholeSentence(ctx.derived, id) });
    }
    return out;
  },
};

/** A statement: long enough, has a verb, is not a question, an imperative or a reader prompt. */
export function asserts(doc: Analysis, s: Sentence): boolean {
  const tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd);
  const wordTokens = tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (wordTokens.length < MIN_ASSERTION_WORDS) return false;
  if (/\?["'”’)]*$/.test(s.text)) return false;
  if (!tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return false;
  const first = wordTokens[0];
  // Imperative: a bare verb first ("Share this story with friends").
  if (first.pos === 'VERB' && first.text.toLowerCase() === first.lemma) return false;
  prompts ??= lexicon<string>('checks-call-to-action').entries;
  const lower = s.text.toLowerCase().replace(/’/g, "'");
  return !prompts.some((p) => lower.includes(p));
}
