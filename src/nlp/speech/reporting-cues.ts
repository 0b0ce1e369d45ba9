import { lexicon } from '../../lexicons.js';
import type { Stance, Token } from '../../types.js';

interface ReportingVerb {
  lemma: string;
  stance: Stance;
}

/** A reporting verb or phrase found in a sentence: token range `[first, last]` (inclusive) into `Analysis.tokens`. */
export interface ReportingCue {
  first: number;
  last: number;
  lemma: string;
  stance: Stance;
}

let byFirstLemma: Map<string, Array<{ lemmas: string[]; entry: ReportingVerb }>> | null = null;
function table(): NonNullable<typeof byFirstLemma> {
  if (byFirstLemma) return byFirstLemma;
  byFirstLemma = new Map();
  for (const entry of lexicon<ReportingVerb>('reporting-verbs').entries) {
    const lemmas = entry.lemma.split(' ');
    const list = byFirstLemma.get(lemmas[0]) ?? [];
    list.push({ lemmas, entry });
    byFirstLemma.set(lemmas[0], list);
  }
  return byFirstLemma;
}

const BE = new Set(['be', 'get']);

/**
 * Reporting verbs in tokens `[from, to)`, skipping those that are not attributions:
 * passives and hedges ("was told", "is said to"), and nouns ("the report said" keeps `said`, not `report`).
 */
export function findReportingCues(tokens: Token[], from: number, to: number): ReportingCue[] {
  const cues: ReportingCue[] = [];
  for (let i = from; i < to; i++) {
    const candidates = table().get(tokens[i].lemma) ?? table().get(tokens[i].text.toLowerCase());
    if (!candidates) continue;
    for (const { lemmas, entry } of candidates) {
      const last = i + lemmas.length - 1;
      if (last >= to || !lemmas.every((l, k) => matches(tokens[i + k], l))) continue;
      const isAccordingTo = entry.lemma === 'according to';
      if (!isAccordingTo && (!isVerb(tokens, from, to, i) || isPassive(tokens, from, i))) continue;
      cues.push({ first: i, last, lemma: entry.lemma, stance: entry.stance });
      i = last;
      break;
    }
  }
  return cues;
}

/** wink tags some present-tense verbs as plural nouns after a noun ("The company claims the …"): accept those too. */
function isVerb(tokens: Token[], from: number, to: number, i: number): boolean {
  const t = tokens[i];
  if (t.pos === 'VERB') return true;
  if (t.pos !== 'NOUN' || i === from || i + 1 >= to) return false;
  const prev = tokens[i - 1].pos;
  const next = tokens[i + 1];
  const afterSubject = prev === 'NOUN' || prev === 'PROPN' || prev === 'PRON';
  // "Officials … claim that …": a bare noun form right after the subject and before "that" is the verb
  // (the noun reads "the claim that …", with a determiner before it).
  if (afterSubject && next.lemma === 'that') return true;
  return afterSubject && /s$/.test(t.text) && (/^(DET|PRON|PROPN|NUM)$/.test(next.pos) || /^["“«]$/.test(next.text));
}

// Phrases are listed by lemma, except where wink's lemma is unhelpful ("according" → "accord").
function matches(token: Token, word: string): boolean {
  return token.lemma === word || token.text.toLowerCase() === word;
}

/** "is said to", "was told", "has been reported": a form of be (maybe with an adverb) right before the verb. */
function isPassive(tokens: Token[], from: number, i: number): boolean {
  let k = i - 1;
  if (k >= from && tokens[k].pos === 'ADV') k--;
  return k >= from && BE.has(tokens[k].lemma) && /ed$|[^e]n$|said|told|taught|shown|written/i.test(tokens[i].text);
}
