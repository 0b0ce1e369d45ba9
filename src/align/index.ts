import type { Alignment, AlignmentLink, Analysis, LinkKind } from '../types.js';
import {
  combineFeatures,
  isWord,
  sentenceFeatures,
  sentencesVector,
  wordKey,
  type SentenceFacts,
  type SentenceFeatures,
} from './features.js';
import { longestCommonRun } from './runs.js';
import { pairEvidence, scoreEvidence, similarity } from './similarity.js';
import { contextEdges } from './context.js';
import { candidatePairs } from './candidates.js';
import { PairScores } from './pair-scores.js';
import { localWords, type WordSimilarity } from './soft.js';
import type { Vectors } from './vectors.js';

export { sharedRuns, type SharedRun } from './runs.js';
export { sentenceSimilarity, similarity, pairEvidence } from './similarity.js';
export type { Vectors } from './vectors.js';

/**
 * Score cut-offs (similarity() is a probability: a spun rewording of a wire sentence mostly scores 0.1-0.7, another
 * sentence of the same story under 0.1; being each other's best match is what makes a low score a link).
 * Gaps between links are filled by order in context.ts.
 */
export const ALIGN_THRESHOLDS = {
  /** A pair that is each other's best match links from here. */
  mutual: 0.15,
  /** A pair that is the best match of only one side (a split or merge piece) needs more, or must pass the combination test. */
  oneSided: 0.6,
  /** A split or merge piece scores at least this share of the other side's best match (a piece is not a passing mention). */
  piece: 0.5,
  /** A split or merge piece must raise the combined score by this much. */
  combineGain: 0.05,
  /** Two headings: they are short, so chance similarity runs higher. */
  heading: 0.45,
  /** Scores this close to a sentence's best count as tied for best. */
  tie: 0.02,
} as const;

/** Link kinds: share of the shorter side in one shared run for `verbatim`; content-weight ratio under which a link is `partial`. */
const VERBATIM_SHARE = 0.8;
const VERBATIM_LONG_RUN = 12;
const PARTIAL_RATIO = 0.5;

interface Side {
  features: SentenceFeatures[];
  words: string[][];
  heading: boolean[];
}

/**
 * Aligns the sentences of a source and a derived text, many-to-many: tolerant of reordering, splits (one
 * source → several derived) and merges. Boilerplate never takes part (it is never a sentence).
 * Example: "The ministry said 12,000 soldiers were deployed." ~ "Nearly 12,000 troops have been sent, the
 * ministry claims." → one `paraphrase` link although the two share no word trigram.
 * `vectors`: the word vectors from `loadVectors()` (passed in: the kernel reads no files).
 */
export function align(source: Analysis, derived: Analysis, vectors: Vectors): Alignment {
  const { s, d, wordSim } = sides(source, derived, vectors);
  const sim = scorePairs(s, d, wordSim);
  const edges = anchorEdges(sim, s, d, vectors, wordSim);
  const covered = (i: number, j: number) =>
    Math.max(sim.get(i, j), scoreEvidence(pairEvidence(s.features[i], d.features[j], wordSim, true)));
  edges.push(...contextEdges(sim, edges, s.heading, d.heading, covered));
  return buildAlignment(edges, s, d, sim, vectors, wordSim);
}

/** Both sides featurised, their soft words renumbered into one word-similarity table (similarity(source, derived) only). */
function sides(source: Analysis, derived: Analysis, vectors: Vectors): { s: Side; d: Side; wordSim: WordSimilarity } {
  const s = sideOf(source, vectors);
  const d = sideOf(derived, vectors);
  const local = localWords(
    vectors,
    s.features.map((f) => f.soft),
    d.features.map((f) => f.soft),
  );
  s.features = s.features.map((f, i) => ({ ...f, soft: local.source[i] }));
  d.features = d.features.map((f, j) => ({ ...f, soft: local.derived[j] }));
  return { s, d, wordSim: local.sim };
}

/** similarity() of each candidate pair (heading × body pairs and pairs far from either side's best few score 0). */
function scorePairs(s: Side, d: Side, wordSim: WordSimilarity): PairScores {
  const sim = new PairScores(s.features.length, d.features.length);
  for (const [i, j] of candidatePairs(s.features, d.features))
    if (s.heading[i] === d.heading[j]) sim.set(i, j, similarity(s.features[i], d.features[j], wordSim));
  return sim;
}

/** Links that stand on their own score: mutual best matches, and split/merge pieces. */
function anchorEdges(
  sim: PairScores,
  s: Side,
  d: Side,
  vectors: Vectors,
  wordSim: WordSimilarity,
): Array<[number, number]> {
  const { n, m } = sim;
  const bestOfSource = new Float32Array(n);
  const bestOfDerived = new Float32Array(m);
  const argBestOfSource = new Int32Array(n).fill(-1);
  const argBestOfDerived = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    for (const [j, x] of sim.row(i)) {
      if (x > bestOfSource[i]) [bestOfSource[i], argBestOfSource[i]] = [x, j];
      if (x > bestOfDerived[j]) [bestOfDerived[j], argBestOfDerived[j]] = [x, i];
    }
  }
  const T = ALIGN_THRESHOLDS;
  const edges: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    for (const [j, x] of sim.row(i)) {
      // Headings align with headings only: they are context, and must not swell a body link.
      if (s.heading[i] !== d.heading[j]) continue;
      if (x < (s.heading[i] ? T.heading : T.mutual)) continue;
      const bestForSource = x >= bestOfSource[i] - T.tie;
      const bestForDerived = x >= bestOfDerived[j] - T.tie;
      if (bestForSource && bestForDerived) edges.push([i, j]);
      else if (
        bestForDerived &&
        x >= T.piece * bestOfSource[i] &&
        (x >= T.oneSided ||
          improvesCombined(s.features[i], d.features, argBestOfSource[i], j, vectors, (a, b) =>
            similarity(a, b, wordSim),
          ))
      )
        edges.push([i, j]); // split: j is another piece of source i
      else if (
        bestForSource &&
        x >= T.piece * bestOfDerived[j] &&
        (x >= T.oneSided ||
          improvesCombined(d.features[j], s.features, argBestOfDerived[j], i, vectors, (a, b) =>
            similarity(b, a, wordSim),
          ))
      )
        edges.push([i, j]); // merge: i is another part of derived j
    }
  }
  return edges;
}

/** Does `one` match its best partner plus `extra` better than the best partner alone? (the split/merge test) */
function improvesCombined(
  one: SentenceFeatures,
  others: SentenceFeatures[],
  best: number,
  extra: number,
  vectors: Vectors,
  score: (one: SentenceFeatures, other: SentenceFeatures) => number,
): boolean {
  if (best < 0 || best === extra) return false;
  const alone = score(one, others[best]);
  return score(one, combineFeatures([others[best], others[extra]], vectors)) > alone + ALIGN_THRESHOLDS.combineGain;
}

function buildAlignment(
  edges: Array<[number, number]>,
  s: Side,
  d: Side,
  sim: PairScores,
  vectors: Vectors,
  wordSim: WordSimilarity,
): Alignment {
  const { n, m } = sim;
  // Connected components over source nodes 0..n-1 and derived nodes n..n+m-1.
  const parent = Int32Array.from({ length: n + m }, (_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  for (const [i, j] of edges) parent[find(i)] = find(n + j);
  const groups = new Map<number, Array<[number, number]>>();
  for (const e of edges) {
    const root = find(e[0]);
    const g = groups.get(root);
    if (g) g.push(e);
    else groups.set(root, [e]);
  }
  const links: AlignmentLink[] = [];
  for (const group of groups.values()) {
    const sources = [...new Set(group.map((e) => e[0]))].sort((a, b) => a - b);
    const deriveds = [...new Set(group.map((e) => e[1]))].sort((a, b) => a - b);
    if (sources.length === 1 || deriveds.length === 1)
      links.push(makeLink(sources, deriveds, s, d, sim, vectors, wordSim));
    // A tangle (several sources and several derived) is kept as its pairwise links: clearer evidence for checks.
    else for (const [i, j] of group) links.push(makeLink([i], [j], s, d, sim, vectors, wordSim));
  }
  links.sort((a, b) => a.source[0] - b.source[0] || a.derived[0] - b.derived[0]);
  const bySource: AlignmentLink[][] = Array.from({ length: n }, () => []);
  const byDerived: AlignmentLink[][] = Array.from({ length: m }, () => []);
  for (const link of links) {
    for (const i of link.source) bySource[i].push(link);
    for (const j of link.derived) byDerived[j].push(link);
  }
  return { links, bySource, byDerived };
}

function makeLink(
  sources: number[],
  deriveds: number[],
  s: Side,
  d: Side,
  sim: PairScores,
  vectors: Vectors,
  wordSim: WordSimilarity,
): AlignmentLink {
  const fs = combineFeatures(
    sources.map((i) => s.features[i]),
    vectors,
  );
  const fd = combineFeatures(
    deriveds.map((j) => d.features[j]),
    vectors,
  );
  let score = sources.length === 1 && deriveds.length === 1 ? 0 : similarity(fs, fd, wordSim);
  for (const i of sources) for (const j of deriveds) score = Math.max(score, sim.get(i, j));
  return { source: sources, derived: deriveds, kind: linkKind(sources, deriveds, s, d, fs, fd), score };
}

function linkKind(
  sources: number[],
  deriveds: number[],
  s: Side,
  d: Side,
  fs: SentenceFeatures,
  fd: SentenceFeatures,
): LinkKind {
  const ws = sources.flatMap((i) => s.words[i]);
  const wd = deriveds.flatMap((j) => d.words[j]);
  // Partial first: a copied clause of a long sentence still carries only part of it over.
  const ratio = Math.min(fs.contentWeight, fd.contentWeight) / Math.max(fs.contentWeight, fd.contentWeight, 1e-9);
  if (ratio < PARTIAL_RATIO) return 'partial';
  const shorter = Math.min(ws.length, wd.length);
  const run = longestCommonRun(ws, wd);
  if (shorter > 0 && (run >= VERBATIM_SHARE * shorter || (run >= VERBATIM_LONG_RUN && run >= 0.5 * shorter)))
    return 'verbatim';
  return 'paraphrase';
}

const sideCache = new WeakMap<Analysis, { vectors: Vectors; side: Side }>();

/** Features of a document's sentences, computed once per Analysis (a trace compares one query with many candidates). */
function sideOf(doc: Analysis, vectors: Vectors): Side {
  const hit = sideCache.get(doc);
  if (hit && hit.vectors === vectors) return { ...hit.side };
  const side = computeSide(doc, vectors);
  sideCache.set(doc, { vectors, side });
  return { ...side };
}

function computeSide(doc: Analysis, vectors: Vectors): Side {
  const extra = agreementKeys(doc);
  const facts = sentenceFacts(doc);
  const features = doc.sentences.map((sen) => ({
    ...sentenceFeatures(doc.tokens.slice(sen.tokenStart, sen.tokenEnd), vectors, extra[sen.id]),
    facts: facts[sen.id],
  }));
  return {
    features,
    words: doc.sentences.map((sen) =>
      doc.tokens
        .slice(sen.tokenStart, sen.tokenEnd)
        .filter(isWord)
        .map((t) => wordKey(t.text)),
    ),
    heading: doc.sentences.map((sen) => sen.kind === 'heading'),
  };
}

/** Entity keys and number values per sentence (empty until those NLP steps run): "Germany's" and "Germany" agree. */
function agreementKeys(doc: Analysis): string[][] {
  const keys: string[][] = doc.sentences.map(() => []);
  for (const e of doc.entities) keys[e.sentence]?.push('entity:' + e.key);
  for (const x of doc.numbers) keys[x.sentence]?.push(`number:${x.value}`);
  return keys;
}

/** People, organisations and exact quantities per sentence, for fact conflicts. */
function sentenceFacts(doc: Analysis): SentenceFacts[] {
  const facts: SentenceFacts[] = doc.sentences.map(() => ({
    people: new Set(),
    orgs: new Set(),
    quantities: new Map(),
  }));
  for (const e of doc.entities) {
    const f = facts[e.sentence];
    if (f && e.type === 'org') f.orgs.add(e.key);
    if (f && e.type === 'person') f.people.add(e.key).add(e.key.split(' ').pop() ?? e.key);
  }
  for (const x of doc.numbers) {
    if (x.qualifier !== 'exact' || x.kind === 'date' || x.kind === 'year') continue;
    const q = facts[x.sentence]?.quantities;
    const unit = x.unit ?? x.kind;
    q?.set(unit, (q.get(unit) ?? new Set()).add(x.value));
  }
  return facts;
}

/** Unit SIF embedding of the body (headings and boilerplate left out), for retrieval and the relation verdict. */
export function documentVector(a: Analysis, vectors: Vectors): Float32Array {
  return sentencesVector(
    a.tokens,
    a.sentences.filter((sen) => sen.kind !== 'heading'),
    vectors,
  );
}
