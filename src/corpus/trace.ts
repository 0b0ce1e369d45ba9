import type { Vectors } from '../align/vectors.js';
import { decodeAnalysis, warn } from '../store/codec.js';
import { InputError } from '../errors.js';
import type { ArticleMeta, Store } from '../store/store.js';
import type { Analysis, Finding, Relation, Scores } from '../types.js';
import { TOOL } from '../version.js';
import { contentHash } from './prepare.js';
import { isReuse, relate, strength, upstream, type PairRelation } from './relate.js';
import { fingerprint } from './fingerprint.js';
import { relativeDay } from './relative-day.js';
import { lexicalSupport, weightedTerms, type WeightedTerms } from './lexical.js';
import { retrieveCandidates } from './retrieve.js';

export type TraceRole = 'origin' | 'sibling' | 'copy' | 'related';

export interface TraceCandidate {
  id: number;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
  score: number;
  role: TraceRole;
  /** Relation with the candidate as source and the traced article as derived. */
  relation: Relation;
  scores: Scores;
  findings: Finding[];
  retrieval: number;
}

export interface TraceResult {
  schema: 'unspun.trace/2';
  tool: { name: string; version: string };
  query: { id: number | null; title: string | null; url: string | null; published: string | null };
  candidates: TraceCandidate[];
  /** For each sentence of the traced article, the candidates it came from (origins first); empty: its own. */
  sentences: Array<{ id: number; sources: number[] }>;
  timings: { retrieveMs: number; rerankMs: number };
}

export interface TraceOptions {
  /** Word vectors from `loadVectors()`, for retrieval and the pairwise comparisons. */
  vectors: Vectors;
  top?: number;
  /** Short-list size handed to the re-rank (default 2 × top, at least 12). */
  shortlist?: number;
  /** A stored candidate that cannot be read (a damaged analysis) is skipped and reported here (default: emitWarning). */
  onWarning?: (message: string) => void;
}

interface Scored {
  meta: ArticleMeta;
  analysis: Analysis;
  rel: PairRelation;
  dir: number;
  retrieval: number;
  /** BM25 score relative to the best full-text hit (0: not among them). */
  bm25: number;
  /** IDF-weighted share of the query's content lemmas the candidate holds. */
  lexical: number;
  /** How much more the candidate holds of the other leading candidates than they hold of it (origin > copies). */
  upstreamness: number;
  /** The candidate says "today" where the query says "yesterday": it was written before the query (relative-day.ts). */
  writtenBefore: boolean;
}

const MIN_RETRIEVAL = 0.08;
const ROLE_ORDER: Record<TraceRole, number> = { origin: 0, sibling: 1, copy: 2, related: 3 };

/**
 * "Where did this article come from?": short-list by retrieval, re-rank each candidate with the full comparison
 * (candidate as source), then roles from content: origins are upstream candidates no other candidate covers;
 * siblings copied the same origin; copies took from the traced article. The query's own record never appears.
 */
export async function trace(store: Store, article: number | Analysis, opts: TraceOptions): Promise<TraceResult> {
  const top = opts.top ?? 10;
  const t0 = performance.now();
  let query: Analysis;
  let self: ArticleMeta | null = null;
  if (typeof article === 'number') {
    const row = await store.get(article);
    if (!row) throw new Error(`no article with id ${article}`);
    try {
      query = decodeAnalysis(row.analysis);
    } catch (e) {
      throw new InputError(`article ${article} cannot be traced: ${(e as Error).message} (remove it and add it again)`);
    }
    self = row;
  } else {
    query = article;
    self = await store.findByHash(contentHash(article.text));
  }
  const short = await retrieveCandidates(store, query, opts.shortlist ?? Math.max(12, top * 2), {
    exclude: self ? [self.id] : [],
    vectors: opts.vectors,
  });
  const t1 = performance.now();

  const metas = new Map((await store.getMeta(short.map((c) => c.id))).map((m) => [m.id, m]));
  const terms = await weightedTerms(store, query);
  const queryDay = relativeDay(query.text);
  const scored: Scored[] = [];
  for (const c of short) {
    // The full comparison costs ~50-100 ms a pair: skip candidates retrieval barely connects.
    if (c.score < MIN_RETRIEVAL) continue;
    const row = await store.get(c.id);
    if (!row) continue;
    let analysis: Analysis;
    let rel: PairRelation;
    try {
      analysis = decodeAnalysis(row.analysis);
      rel = relate(analysis, query, opts.vectors);
    } catch (e) {
      // One bad row must not fail the whole trace: skip it and say so.
      (opts.onWarning ?? warn)(`article ${c.id} skipped: ${(e as Error).message}`);
      continue;
    }
    if (rel.relation.verdict === 'unrelated') continue;
    scored.push({
      meta: metas.get(c.id) ?? row,
      analysis,
      rel,
      dir: upstream(rel, row.published, query.published),
      retrieval: c.score,
      bm25: c.parts.text,
      lexical: lexicalSupport(terms, analysis),
      upstreamness: 0,
      writtenBefore: queryDay === 'next-day' && relativeDay(analysis.text) === 'same-day',
    });
  }
  scoreUpstreamness(terms, scored);
  const roles = assignRoles(scored, opts.vectors);
  const t2 = performance.now();
  const before = new Set(scored.filter((s) => s.writtenBefore).map((s) => s.meta.id));
  const sortKey = (c: TraceCandidate) =>
    c.score +
    (c.role === 'origin' ? ORIGIN_NUDGE : 0) +
    (before.has(c.id) ? WRITTEN_BEFORE_NUDGE : 0) -
    (publishedLater(c.published, query.published) ? WRITTEN_BEFORE_NUDGE : 0);

  const candidates = scored
    .map(
      (s): TraceCandidate => ({
        id: s.meta.id,
        title: s.meta.title,
        url: s.meta.url,
        outlet: s.meta.outlet,
        published: s.meta.published,
        score: round(rankScore(s)),
        role: roles.get(s.meta.id)!,
        relation: s.rel.relation,
        scores: s.rel.scores,
        findings: s.rel.findings,
        retrieval: s.retrieval,
      }),
    )
    // The pairwise roles are a weaker signal than the score on news corpora (METER): they only nudge the order; when
    // the candidate was written before the query, it moves up more, and when it was published on a later day, down as
    // much (it cannot be where the query came from unless a date is wrong; it stays listed).
    .sort((a, b) => sortKey(b) - sortKey(a) || a.id - b.id)
    .slice(0, top);

  return {
    schema: 'unspun.trace/2',
    tool: TOOL,
    query: { id: self?.id ?? null, title: query.title, url: query.url, published: query.published },
    candidates,
    sentences: sentenceSources(query, scored, roles, new Set(candidates.map((c) => c.id))),
    timings: { retrieveMs: round(t1 - t0), rerankMs: round(t2 - t1) },
  };
}

function assignRoles(scored: Scored[], vectors: Vectors): Map<number, TraceRole> {
  const roles = new Map<number, TraceRole>();
  // A candidate-to-candidate comparison costs as much as the re-rank's: the stitched-source test and the sibling
  // test ask about the same (origin, candidate) pairs, so each pair is compared once.
  const pairs = new Map<string, PairRelation>();
  const relateOnce = (a: Scored, b: Scored): PairRelation => {
    const key = `${a.meta.id}>${b.meta.id}`;
    let r = pairs.get(key);
    if (!r) pairs.set(key, (r = relate(a.analysis, b.analysis, vectors)));
    return r;
  };
  const reuse = scored.filter((s) => isReuse(s.rel));
  const up = reuse.filter((s) => s.dir > 0).sort((a, b) => strength(b.rel) - strength(a.rel));
  const querySentences = (s: Scored) => new Set(s.rel.links.flatMap((l) => l.derived));
  // v explains what u gave the query when at most one query sentence u supports lacks support in v.
  const explains = (v: Scored, u: Scored) => {
    const theirs = querySentences(v);
    return [...querySentences(u)].filter((i) => !theirs.has(i)).length <= 1;
  };
  // An upstream candidate that another upstream one covers is itself a copy of that origin — unless it gave the
  // query sentences that origin lacks (a later update of a running story): then the query drew on it, not only on
  // the earlier text, and it stays a candidate origin.
  const origins: Scored[] = [];
  const covered = new Set<number>();
  for (const u of up) {
    for (const v of up) {
      if (u === v || covered.has(v.meta.id) || !explains(v, u)) continue;
      const r = relateOnce(v, u);
      if (isReuse(r) && upstream(r, v.meta.published, u.meta.published) > 0) {
        covered.add(u.meta.id);
        break;
      }
    }
    if (!covered.has(u.meta.id)) origins.push(u);
  }
  // A stitched article: the query copies one block from an origin and another block from a text that content
  // alone would call its copy (the shorter text inside the longer). Once the query is known to copy, a candidate
  // sharing only query sentences that origin does not explain, and unrelated to it, is a further source.
  for (const s of reuse) {
    if (s.dir >= 0 || !origins.length) continue;
    const mine = querySentences(s);
    const disjoint = origins.every((o) => {
      const theirs = querySentences(o);
      return [...mine].filter((i) => theirs.has(i)).length <= 1 && !isReuse(relateOnce(o, s));
    });
    if (disjoint && mine.size >= 2) origins.push(s);
  }
  for (const o of origins) roles.set(o.meta.id, 'origin');
  for (const u of up) if (covered.has(u.meta.id)) roles.set(u.meta.id, 'sibling');
  for (const s of reuse) {
    if (roles.has(s.meta.id)) continue;
    let sibling = false;
    for (const o of origins) {
      const r = relateOnce(o, s);
      if (
        isReuse(r) &&
        upstream(r, o.meta.published, s.meta.published) > 0 &&
        (s.dir === 0 || strength(r) >= strength(s.rel))
      )
        sibling = true;
    }
    roles.set(s.meta.id, sibling ? 'sibling' : s.dir < 0 ? 'copy' : 'related');
  }
  for (const s of scored) if (!roles.has(s.meta.id)) roles.set(s.meta.id, 'related');
  return roles;
}

function sentenceSources(query: Analysis, scored: Scored[], roles: Map<number, TraceRole>, shown: Set<number>) {
  const per = query.sentences.map(() => new Map<number, number>());
  for (const s of scored) {
    const role = roles.get(s.meta.id)!;
    // Copies took from the query, so they are never where its sentences came from.
    if (role === 'copy' || !shown.has(s.meta.id) || !isReuse(s.rel)) continue;
    for (const l of s.rel.links)
      for (const d of l.derived)
        per[d]?.set(s.meta.id, Math.max(per[d].get(s.meta.id) ?? 0, l.score - ROLE_ORDER[role]));
  }
  return query.sentences.map((sent, i) => ({
    id: sent.id,
    sources: [...per[i].entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id),
  }));
}

// Tuned on the METER 1999 folders (PA + newspapers indexed): lexical support outranks the sentence alignment,
// which pairs formulaic court sentences across unrelated stories.
const W = 0.7;
const BETA = 1;
const HEAD = 5;
const MARGIN = 0.25;
/**
 * Weight of the BM25 score (relative to the best hit) in the rank: plain keyword search finds the PA source of a
 * METER story at rank 1 more often than the re-rank alone, so the re-rank starts from it. Chosen on the METER 1999
 * stories (eval/trace-dump.ts + trace-sweep.ts; the eval scores 2000): recall@1 0.976 / 0.979 / 0.987 / 0.984 / 0.987 at
 * 0 / 0.25 / 0.5 / 1 / 2, BM25 0.987; the smallest weight that reaches BM25.
 */
export const TRACE_BM25_WEIGHT = 0.5;
/**
 * Bonus of the `origin` role in the order. Chosen (eval/NOTES.md, Trace) as the smallest that puts the planted origin
 * first in ≥ 99 % of the bench corpus's traces (0 / 0.03 / 0.05 / 0.15: 0.94 / 0.98 / 0.99 / 1.00; rewrites of one
 * origin share its rewording, so a sibling can outscore it) while METER 1999 stays at or above BM25 (recall@1 0.987,
 * BM25 0.987; origin above siblings 0.545, BM25 0.540; at 0.15 it was 0.535).
 */
export const ORIGIN_NUDGE = 0.05;
/**
 * Bonus in the order of a candidate written before the query by its relative day (it says "today", the query
 * "yesterday": a paper re-dates the wire take it copies). Every re-ranked candidate shares at least the story (the
 * unrelated are dropped). Chosen on METER 1999 (one store of every PA file and paper; eval/tasks/families.ts, cached
 * traces re-sorted offline): origin above siblings 0.509 / 0.555 / 0.618 / 0.775 / 0.873 / 0.873 at 0 / 0.1 / 0.2 /
 * 0.5 / 1 / 1.5 (BM25 0.529), first candidate of the query's own story 0.997 at 0–1, 0.991 at 1.5: the smallest
 * bonus on the plateau. Texts without day words (machine rewrites, most dated web copy) never get it.
 */
export const WRITTEN_BEFORE_NUDGE = 1;
/**
 * Published on a later calendar day than the query (both dates known). Days, not instants: a wire take and its
 * same-day copy are often stamped in different time zones. Bench corpus (bench/corpus-gen.ts, 100k): most heavy
 * paraphrases whose planted origin trace missed had a sibling published after them at the top (issue 24).
 */
export function publishedLater(candidate: string | null, query: string | null): boolean {
  return !!candidate && !!query && candidate.slice(0, 10) > query.slice(0, 10);
}

function supportScore(s: Scored): number {
  return W * s.lexical + (1 - W) * s.rel.scores.derivedSupport;
}
function rankScore(s: Scored): number {
  return supportScore(s) + BETA * s.upstreamness + TRACE_BM25_WEIGHT * s.bm25;
}

/**
 * Among the candidates that best support the query, the origin holds what the others share and more:
 * a sibling's rare lemmas are mostly in the origin, the origin's are not all in the sibling.
 */
function scoreUpstreamness(terms: WeightedTerms, scored: Scored[]): void {
  const ranked = [...scored].sort((a, b) => supportScore(b) - supportScore(a));
  const best = ranked.length ? supportScore(ranked[0]) : 0;
  const head = ranked.slice(0, HEAD).filter((s) => supportScore(s) >= best - MARGIN);
  if (head.length < 2) return;
  // Each candidate's share of the query: only what it has in common with the query counts, not what it added.
  const sets = head.map((s) => new Set(fingerprint(s.analysis).lemmas));
  const shared = sets.map((set) => restrict(terms, set));
  for (const [i, a] of head.entries()) {
    let sum = 0;
    for (let j = 0; j < head.length; j++)
      if (j !== i) sum += lexicalSupport(shared[j], sets[i]) - lexicalSupport(shared[i], sets[j]);
    a.upstreamness = sum / (head.length - 1);
  }
}

/** The query terms a candidate holds, with the query's weights. */
function restrict(terms: WeightedTerms, held: Set<number>): WeightedTerms {
  const weights = new Map<number, number>();
  let total = 0;
  for (const [l, w] of terms.weights) {
    if (!held.has(l)) continue;
    weights.set(l, w);
    total += w;
  }
  return { weights, total };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
