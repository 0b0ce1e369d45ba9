import type { Analysis, LinkKind, Relation, Scores, Verdict } from '../types.js';

/** A sentence-level link found by lexical overlap (the stand-in when the full comparison is unavailable). */
export interface LiteLink {
  source: number;
  derived: number;
  score: number;
  kind: LinkKind;
}

export interface LiteComparison {
  relation: Relation;
  scores: Scores;
  links: LiteLink[];
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);
const SUPPORT = 0.5;

function sentenceLemmas(a: Analysis): Array<Set<string>> {
  return a.sentences.map((s) => {
    const set = new Set<string>();
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = a.tokens[i];
      if (!t.stop && CONTENT_POS.has(t.pos)) set.add(t.lemma);
    }
    return set;
  });
}

function wordShingles(a: Analysis, n = 5): Set<string> {
  const ws = a.tokens.filter((t) => t.pos !== 'PUNCT').map((t) => t.text.toLowerCase());
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(' '));
  return out;
}

/**
 * Lexical source→derived comparison: each sentence's best counterpart by share of its content lemmas
 * found there. Direction from content: the side whose sentences are mostly covered by the other is the copy
 * ("the origin covers what its copies share and more").
 */
export function liteCompare(source: Analysis, derived: Analysis): LiteComparison {
  const ls = sentenceLemmas(source);
  const ld = sentenceLemmas(derived);
  const links: LiteLink[] = [];
  const srcBest = new Float64Array(ls.length);
  const drvBest = new Float64Array(ld.length);
  ld.forEach((d, di) => {
    if (!d.size) return;
    let best = -1;
    let bestScore = 0;
    ls.forEach((s, si) => {
      if (!s.size) return;
      let shared = 0;
      for (const l of d) if (s.has(l)) shared++;
      const score = shared / Math.min(d.size, s.size);
      srcBest[si] = Math.max(srcBest[si], shared / s.size);
      if (score > bestScore) [best, bestScore] = [si, score];
    });
    drvBest[di] = bestScore;
    if (best >= 0 && bestScore >= SUPPORT) links.push({ source: best, derived: di, score: bestScore, kind: bestScore > 0.9 ? 'verbatim' : 'paraphrase' });
  });
  const chars = (a: Analysis, ok: (i: number) => boolean) => {
    let all = 0;
    let hit = 0;
    a.sentences.forEach((s, i) => {
      if (s.kind === 'heading') return;
      all += s.end - s.start;
      if (ok(i)) hit += s.end - s.start;
    });
    return all ? hit / all : 0;
  };
  const linkedSrc = new Set(links.map((l) => l.source));
  const derivedSupport = chars(derived, (i) => drvBest[i] >= SUPPORT);
  const sourceCoverage = chars(source, (i) => linkedSrc.has(i) || srcBest[i] >= SUPPORT);
  const sh = wordShingles(source);
  const dh = wordShingles(derived);
  let shared = 0;
  for (const x of dh) if (sh.has(x)) shared++;
  const verbatimShare = dh.size ? shared / dh.size : 0;
  const scores = { sourceCoverage: r3(sourceCoverage), derivedSupport: r3(derivedSupport), verbatimShare: r3(verbatimShare) };
  return { relation: liteRelation(scores), scores, links };
}

function liteRelation(s: Scores): Relation {
  const verdict: Verdict =
    s.verbatimShare >= 0.6 ? 'verbatim-copy' : s.derivedSupport >= 0.6 ? 'rewrite' : s.derivedSupport >= 0.25 ? 'partial-reuse' : s.derivedSupport > 0 ? 'same-story' : 'unrelated';
  const gap = s.derivedSupport - s.sourceCoverage;
  const direction = Math.abs(gap) < 0.08 ? 'unclear' : gap > 0 ? 'as-given' : 'reversed';
  return { verdict, confidence: r3(Math.min(1, 0.5 + Math.abs(s.derivedSupport - 0.4))), direction, directionConfidence: r3(Math.min(1, Math.abs(gap) * 2)) };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
