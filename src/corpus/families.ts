import type { Vectors } from '../align/vectors.js';
import { decodeAnalysis, warn } from '../store/codec.js';
import type { ArticleMeta, Store } from '../store/store.js';
import type { Analysis, Verdict } from '../types.js';
import { TOOL } from '../version.js';
import { isReuse, relate, strength, upstream } from './relate.js';
import { retrieveCandidates } from './retrieve.js';

export interface FamilyMember {
  id: number;
  title: string | null;
  url: string | null;
  outlet: string | null;
  published: string | null;
}

/** `from` copied from `to` when `directed`; otherwise the two share text but content and dates cannot tell who copied. */
export interface FamilyEdge {
  from: number;
  to: number;
  directed: boolean;
  verdict: Verdict;
  strength: number;
}

export interface Family {
  id: number;
  /** Members nobody in the family was copied into them from: the origin(s), strongest first. */
  origins: number[];
  /** Origin(s) first, then the rest by how far they are from an origin, then date. */
  members: FamilyMember[];
  edges: FamilyEdge[];
}

export interface FamiliesResult {
  schema: 'unspun.families/1';
  tool: { name: string; version: string };
  families: Family[];
}

export interface FamiliesOptions {
  /** Word vectors from `loadVectors()`, for retrieval and the pairwise comparisons. */
  vectors: Vectors;
  /** Retrieval short list per article. */
  k?: number;
  /** Minimum retrieval score to compare a pair at all. */
  minRetrieval?: number;
  /**
   * Seed at most this many articles (spread evenly over the store by id) instead of all of them: each seed's
   * short list is still compared, so the families of the seeds and of everything they reach are found. On a large
   * store this bounds the time (a pair costs ~50 ms); undefined or ≥ the count walks every article.
   */
  sample?: number;
  onProgress?: (done: number, total: number) => void;
  /** A stored article that cannot be read (a damaged analysis) is skipped and reported here (default: emitWarning). */
  onWarning?: (message: string) => void;
}

/**
 * "Who copies whom?": every article's short list is compared; reuse relations (verbatim, rewrite, partial)
 * join articles into families (connected components), and each relation is directed by content, then dates.
 */
export async function families(store: Store, opts: FamiliesOptions): Promise<FamiliesResult> {
  const k = opts.k ?? 10;
  const minRetrieval = opts.minRetrieval ?? 0.15;
  const count = await store.count();
  const stride = opts.sample && opts.sample > 0 && opts.sample < count ? count / opts.sample : 1;
  const total = Math.min(count, Math.ceil(count / stride));
  const cache = new Map<number, Analysis>();
  // One bad row never fails the whole command: it is skipped once, with a warning.
  const damaged = new Set<number>();
  const read = (id: number, bytes: Uint8Array): Analysis | null => {
    if (damaged.has(id)) return null;
    try {
      return decodeAnalysis(bytes);
    } catch (e) {
      damaged.add(id);
      (opts.onWarning ?? warn)(`article ${id} skipped: ${(e as Error).message}`);
      return null;
    }
  };
  const load = async (id: number) => {
    let a = cache.get(id);
    if (!a) {
      const row = await store.get(id);
      if (!row) return null;
      const got = read(id, row.analysis);
      if (!got) return null;
      a = got;
      if (cache.size > 500) cache.delete(cache.keys().next().value!);
      cache.set(id, a);
    }
    return a;
  };
  const metas = new Map<number, ArticleMeta>();
  const edges: FamilyEdge[] = [];
  const seen = new Set<string>();
  let done = 0;
  let position = 0;
  let nextSeed = 0;
  for await (const row of store.iterate()) {
    if (position++ < nextSeed) continue;
    nextSeed += stride;
    const a = read(row.id, row.analysis);
    if (!a) {
      opts.onProgress?.(++done, total);
      continue;
    }
    const { analysis: _blob, ...meta } = row;
    metas.set(row.id, meta);
    for (const c of await retrieveCandidates(store, a, k, { exclude: [row.id], vectors: opts.vectors })) {
      const key = row.id < c.id ? `${row.id}:${c.id}` : `${c.id}:${row.id}`;
      if (c.score < minRetrieval || seen.has(key)) continue;
      seen.add(key);
      const other = await load(c.id);
      if (!other) continue;
      const cm = (await store.getMeta([c.id]))[0];
      metas.set(cm.id, cm);
      const rel = relate(other, a, opts.vectors);
      if (!isReuse(rel)) continue;
      const dir = upstream(rel, cm.published, row.published);
      // dir > 0: the candidate is the source, so this article copied from it.
      const [from, to] = dir >= 0 ? [row.id, c.id] : [c.id, row.id];
      edges.push({ from, to, directed: dir !== 0, verdict: rel.relation.verdict, strength: round(strength(rel)) });
    }
    opts.onProgress?.(++done, total);
  }
  return {
    schema: 'unspun.families/1',
    tool: TOOL,
    families: components(edges, metas).map((f) => ({ ...f, edges: dropSiblingEdges(f.edges) })),
  };
}

/**
 * Two copies of one origin share text with each other too; that edge is not "copied from" when both copied
 * a common source at least as strongly (the verbatim paper and the round-up both took the wire story).
 */
function dropSiblingEdges(edges: FamilyEdge[]): FamilyEdge[] {
  const up = (a: number, c: number) => edges.find((e) => e.directed && e.from === a && e.to === c);
  return edges.filter((e) => {
    for (const x of edges) {
      if (!x.directed || x.from !== e.from || x.to === e.to) continue;
      const other = up(e.to, x.to);
      if (other && x.strength >= e.strength - 0.05) return false;
    }
    if (!e.directed) {
      for (const x of edges) if (x.directed && x.from === e.to && up(e.from, x.to)) return false;
    }
    return true;
  });
}

function components(edges: FamilyEdge[], metas: Map<number, ArticleMeta>): Family[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let p = parent.get(x) ?? x;
    if (p !== x) parent.set(x, (p = find(p)));
    return p;
  };
  for (const e of edges) parent.set(find(e.from), find(e.to));
  const groups = new Map<number, number[]>();
  for (const id of new Set(edges.flatMap((e) => [e.from, e.to]))) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  const out: Family[] = [];
  for (const ids of groups.values()) {
    const set = new Set(ids);
    const fam = edges.filter((e) => set.has(e.from));
    const copied = new Set(fam.filter((e) => e.directed).map((e) => e.from));
    const outDegree = (id: number) => fam.filter((e) => e.to === id).reduce((s, e) => s + e.strength, 0);
    const origins = ids
      .filter((id) => !copied.has(id) && fam.some((e) => e.directed && e.to === id))
      .sort((a, b) => outDegree(b) - outDegree(a) || a - b);
    const depth = distances(origins, fam);
    const rank = (id: number) => (origins.includes(id) ? origins.indexOf(id) : 0);
    const date = (id: number) => metas.get(id)?.published ?? '\uffff';
    ids.sort(
      (a, b) =>
        (depth.get(a) ?? 99) - (depth.get(b) ?? 99) || rank(a) - rank(b) || date(a).localeCompare(date(b)) || a - b,
    );
    const m = (id: number): FamilyMember => {
      const x = metas.get(id);
      return {
        id,
        title: x?.title ?? null,
        url: x?.url ?? null,
        outlet: x?.outlet ?? null,
        published: x?.published ?? null,
      };
    };
    out.push({ id: 0, origins, members: ids.map(m), edges: fam.sort((a, b) => a.to - b.to || a.from - b.from) });
  }
  out.sort((a, b) => b.members.length - a.members.length || a.members[0].id - b.members[0].id);
  out.forEach((f, i) => {
    f.id = i + 1;
  });
  return out;
}

/** Hops from the nearest origin along "copied from" edges taken backwards (origin 0, its copies 1, …). */
function distances(origins: number[], edges: FamilyEdge[]): Map<number, number> {
  const d = new Map(origins.map((o) => [o, 0]));
  for (let frontier = origins; frontier.length; ) {
    const next: number[] = [];
    for (const e of edges) {
      if (!frontier.includes(e.to) || d.has(e.from)) continue;
      d.set(e.from, d.get(e.to)! + 1);
      next.push(e.from);
    }
    frontier = next;
  }
  return d;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
