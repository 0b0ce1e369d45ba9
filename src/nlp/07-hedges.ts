import { lexicon } from '../lexicons.js';
import type { Analysis, Hedge } from '../types.js';
import { PhraseMatcher, type PhraseEntry } from './speech/phrase-matcher.js';

interface HedgeEntry extends PhraseEntry {
  kind: string;
  /** Lemmas that must not follow the cue ("could not" is inability, not doubt). */
  notBefore?: string[];
  /** Lemmas that must not precede it ("could possibly imagine" is an intensifier). */
  notAfter?: string[];
}

let matcher: PhraseMatcher<HedgeEntry> | null = null;

/**
 * Step 07: hedges and modality (lexicons/hedges.json), so checks can see a rewrite drop "reportedly" or "may".
 * Example: `The line is widely expected to reopen in March` → {cue: "be expected to", kind: "expectation"}.
 */
export function findHedges(doc: Analysis): Hedge[] {
  matcher ??= new PhraseMatcher(lexicon<HedgeEntry>('hedges').entries);
  const hedges: Hedge[] = [];
  for (const s of doc.sentences) {
    for (const m of matcher.findAll(doc.tokens, s.tokenStart, s.tokenEnd)) {
      const next = m.last + 1 < s.tokenEnd ? doc.tokens[m.last + 1].lemma : '';
      const prev = m.first > s.tokenStart ? doc.tokens[m.first - 1].lemma : '';
      if (m.entry.notBefore?.includes(next) || m.entry.notAfter?.includes(prev)) continue;
      const start = doc.tokens[m.first].start;
      const end = doc.tokens[m.last].end;
      hedges.push({
        start,
        end,
        text: doc.text.slice(start, end),
        sentence: s.id,
        kind: m.entry.kind,
        cue: m.entry.cue,
      });
    }
  }
  return hedges;
}
