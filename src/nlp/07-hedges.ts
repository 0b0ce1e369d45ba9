import { lexicon } from '../lexicons.js';
import type { Analysis, Hedge } from '../types.js';
import { PhraseMatcher, type PhraseEntry } from './speech/phrase-matcher.js';

interface HedgeEntry extends PhraseEntry {
  kind: string;
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
