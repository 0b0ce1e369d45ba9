import type { Vectors } from '../align/vectors.js';
import { decodeAnalysis, warn } from '../store/codec.js';
import type { ArticleMeta, Store } from '../store/store.js';
import { type Analysis, isDerivedVerdict, type Verdict } from '../types.js';
import { TOOL } from '../version.js';
import { isReuse, relate, strength, upstream } from './relate.js';
import { orderByRelativeDay, type RelativeDay, relativeDay } from './relative-day.js';
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

/** An article outside the family with a link to one of its members: same story, or a copy link not taken. */
export interface RelatedArticle extends FamilyMember {
  /** Its own family, or null when it is in none. */
  family: number | null;
  /** The member it is linked to. */
  with: number;
  verdict: Verdict;
  strength: number;
}

export interface Family {
  id: number;
  /** The one article the family's copies come from. */
  origin: number;
  /** `[origin]`, kept for readers of unspun.families/1. */
  origins: number[];
  /** Origin first, then the rest by how far they are from it, then date. */
  members: FamilyMember[];
  /** The copy links between members ("copied from" when directed), sibling-to-sibling links left out. */
  edges: FamilyEdge[];
  /** Related coverage beside the family, strongest link first: never part of its copy graph. */
  related: RelatedArticle[];
}

export interface FamiliesResult {
  schema: 'unspun.families/2';
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
  /** How links become families (clusterFamilies). */
  cluster?: ClusterOptions;
}

export interface ClusterOptions {
  /** A copy link joins a family only from this strength up. */
  minStrength?: number;
  /** A copy of a copy needs this strength, or copy links to its parent's sources too. */
  chainCut?: number;
  /** Two grown families merge only with this many copy links across per member of the smaller one (and ≥ 2). */
  mergeSupport?: number;
  /** Origin vote: weight of a directed copy link (for its source, against its copy). */
  directionWeight?: number;
  /** Origin vote: weight of any link inside the family, for both ends. */
  centreWeight?: number;
  /** Related articles listed per family. */
  maxRelated?: number;
}

/** Chosen on the dev halves (METER 1999, llm-rewrites dev) by eval/tasks/families.ts; grid and numbers in eval/NOTES.md. */
export const CLUSTER_DEFAULTS: Required<ClusterOptions> = {
  minStrength: 0,
  chainCut: 0.8,
  mergeSupport: 2,
  directionWeight: 0.5,
  centreWeight: 1,
  maxRelated: 20,
};

/**
 * One compared pair as `families` keeps it (unrelated pairs are dropped): `from` copied from `to` when `directed`.
 * `same-story` links are kept for the related coverage beside a family; they never join one.
 */
export interface PairLink extends FamilyEdge {
  /** The verdict's confidence (docs/verdicts.md). */
  confidence: number;
  /** Share of `from`'s body with a counterpart in `to` (sentences, by characters), and the reverse. */
  fromCovered: number;
  toCovered: number;
}

/** Every compared pair that is reuse or same-story, and the metadata of every article seen. */
export interface CollectedLinks {
  links: PairLink[];
  metas: Map<number, ArticleMeta>;
  /** When each article seen was written relative to what it reports ("today" / "yesterday"), for the copy order. */
  days: Map<number, RelativeDay | null>;
}

/**
 * "Who copies whom?": every article's short list is compared (collectLinks), then the links are clustered into
 * families grown from origins through strong copy links only (clusterFamilies; docs/families.md).
 */
export async function families(store: Store, opts: FamiliesOptions): Promise<FamiliesResult> {
  const { links, metas, days } = await collectLinks(store, opts);
  return { schema: 'unspun.families/2', tool: TOOL, families: clusterFamilies(links, metas, opts.cluster, days) };
}

/** The pairwise step of `families`: each (sampled) article against its retrieval short list, every pair once. */
export async function collectLinks(store: Store, opts: FamiliesOptions): Promise<CollectedLinks> {
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
  const days = new Map<number, RelativeDay | null>();
  const links: PairLink[] = [];
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
    days.set(row.id, relativeDay(a.text));
    for (const c of await retrieveCandidates(store, a, k, { exclude: [row.id], vectors: opts.vectors })) {
      const key = row.id < c.id ? `${row.id}:${c.id}` : `${c.id}:${row.id}`;
      if (c.score < minRetrieval || seen.has(key)) continue;
      seen.add(key);
      const other = await load(c.id);
      if (!other) continue;
      const cm = (await store.getMeta([c.id]))[0];
      metas.set(cm.id, cm);
      days.set(cm.id, relativeDay(other.text));
      const rel = relate(other, a, opts.vectors);
      if (!isReuse(rel) && rel.relation.verdict !== 'same-story') continue;
      const dir = upstream(rel, cm.published, row.published);
      // dir > 0: the candidate is the source, so this article copied from it.
      const [from, to] = dir >= 0 ? [row.id, c.id] : [c.id, row.id];
      // The candidate was compared as the source: derivedSupport is the share of this article it covers.
      const [rowCovered, candCovered] = [rel.scores.derivedSupport, rel.scores.sourceCoverage];
      links.push({
        from,
        to,
        directed: dir !== 0,
        verdict: rel.relation.verdict,
        strength: round(strength(rel)),
        confidence: round(rel.relation.confidence),
        fromCovered: round(from === row.id ? rowCovered : candCovered),
        toCovered: round(from === row.id ? candCovered : rowCovered),
      });
    }
    opts.onProgress?.(++done, total);
  }
  return { links, metas, days };
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

/**
 * Families from pairwise links (docs/families.md). Each article takes at most one parent — what it copied — chosen
 * greedily from the strongest copy links down (a maximum branching), so a family is a tree grown from its origin
 * and one false link can bring one article in, never merge two families: trees merge only when ≥ 2 copy links,
 * and `mergeSupport` per member of the smaller tree, run between them. A copy joins a copy's family only when it also looks copied from that
 * copy's own source (or the link is ≥ `chainCut`); a `same-story` verdict against an ancestor vetoes it. The origin
 * is a member written the day of the event when `days` knows one ("today", not "yesterday"), then the member the
 * family's directed copy links point to most, read in copy order (orderByRelativeDay; dates, then the tree root
 * break ties).
 * `same-story` links and copy links that were not taken become the family's related coverage.
 */
export function clusterFamilies(
  links: PairLink[],
  metas: Map<number, ArticleMeta>,
  options: ClusterOptions = {},
  days?: Map<number, RelativeDay | null>,
): Family[] {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  const key = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const byPair = new Map<string, PairLink>();
  for (const l of links) {
    const k = key(l.from, l.to);
    const had = byPair.get(k);
    if (!had || l.strength > had.strength) byPair.set(k, l);
  }
  const derived = (a: number, b: number) => {
    const l = byPair.get(key(a, b));
    return l ? isDerivedVerdict(l.verdict) : undefined;
  };
  const copyLinks = [...byPair.values()].filter((l) => isDerivedVerdict(l.verdict) && l.strength >= o.minStrength);
  const copyPairs = new Set(copyLinks.map((l) => key(l.from, l.to)));
  /** Two groups are one family when ≥ 2 copy links, and `mergeSupport` per member of the smaller group, join them. */
  const supported = (a: number[], b: number[]) => {
    let shared = 0;
    for (const x of a) for (const y of b) if (copyPairs.has(key(x, y))) shared++;
    return shared >= Math.max(2, o.mergeSupport * Math.min(a.length, b.length));
  };
  // Candidate (child, parent) steps: a directed link one way; an undirected one both ways, slightly weaker.
  const steps = copyLinks.flatMap((l) =>
    l.directed
      ? [{ child: l.from, parent: l.to, w: l.strength }]
      : [
          { child: l.from, parent: l.to, w: l.strength - 0.001 },
          { child: l.to, parent: l.from, w: l.strength - 0.001 },
        ],
  );
  steps.sort((a, b) => b.w - a.w || a.child - b.child || a.parent - b.parent);

  const parent = new Map<number, number>();
  const children = new Map<number, number[]>();
  const ancestors = (x: number) => {
    const out: number[] = [];
    for (let p = parent.get(x); p !== undefined; p = parent.get(p)) out.push(p);
    return out;
  };
  const subtree = (x: number) => {
    const out = [x];
    for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
    return out;
  };
  for (const { child, parent: p, w } of steps) {
    if (parent.has(child)) continue;
    const up = ancestors(p);
    if (p === child || up.includes(child)) continue; // would close a cycle
    // A copy of a copy: content flows through, so the child should look copied from the copy's source as well.
    if (up.length && w < o.chainCut) {
      const verdicts = up.map((a) => derived(child, a));
      if (verdicts.includes(false) || !verdicts.includes(true)) continue;
    }
    // Two grown families meet: one link is not enough, their members must share links.
    const mine = subtree(child);
    if (mine.length > 1) {
      const theirs = subtree(up.length ? up[up.length - 1] : p);
      if (theirs.length > 1 && !supported(mine, theirs)) continue;
    }
    parent.set(child, p);
    const siblings = children.get(p);
    if (siblings) siblings.push(child);
    else children.set(p, [child]);
  }

  const rootOf = (x: number) => {
    const up = ancestors(x);
    return up.length ? up[up.length - 1] : x;
  };
  let groups = new Map<number, number[]>();
  for (const x of new Set(copyLinks.flatMap((l) => [l.from, l.to]))) {
    const r = rootOf(x);
    const group = groups.get(r);
    if (group) group.push(x);
    else groups.set(r, [x]);
  }
  // One article can take only one parent, so a direction error splits a family in two trees (a source that looks
  // copied from one rewrite, a second rewrite that looks copied from a third): trees that share links broadly are
  // one family. Articles left alone (their one copy link was vetoed) count as trees of one and need the same support.
  // Only groups a copy link joins are candidates: count links per pair of groups (O(links) a round).
  for (let merged = true; merged; ) {
    merged = false;
    const groupOf = new Map<number, number>();
    for (const [g, ids] of groups) for (const x of ids) groupOf.set(x, g);
    const across = new Map<string, number>();
    for (const l of copyLinks) {
      const [a, b] = [groupOf.get(l.from)!, groupOf.get(l.to)!];
      if (a !== b) across.set(key(a, b), (across.get(key(a, b)) ?? 0) + 1);
    }
    const ranked = [...across.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    for (const [pair, n] of ranked) {
      const [a, b] = pair.split(':').map(Number);
      const [ga, gb] = [groups.get(a), groups.get(b)];
      if (!ga || !gb || n < Math.max(2, o.mergeSupport * Math.min(ga.length, gb.length))) continue;
      const [keep, drop] = ga.length >= gb.length ? [a, b] : [b, a];
      groups.get(keep)!.push(...groups.get(drop)!);
      groups.delete(drop);
      merged = true;
    }
  }
  groups = new Map([...groups].filter(([, ids]) => ids.length > 1));
  const familyOf = new Map<number, number>();
  const out: Family[] = [];
  const date = (id: number) => metas.get(id)?.published ?? '\uffff';
  // A copy is written after what it copied: a member written the day of the event (it says "today") comes before one
  // whose day words say nothing, and that before one written the next day ("yesterday"). A family whose members all
  // carry dates is ordered by them instead (through the links' direction and the date tie-break).
  const written = (id: number, dated: boolean) => {
    const day = dated ? null : days?.get(id);
    return day === 'same-day' ? 0 : day === 'next-day' ? 2 : 1;
  };
  // The family's copy graph and its origin vote read the links in copy order by when each text was written; the
  // branching above kept the content's direction (on the dev halves it chained fewer stories).
  const ordered = days ? orderByRelativeDay([...byPair.values()], metas, days) : [...byPair.values()];
  const adjacent = new Map<number, PairLink[]>();
  for (const l of ordered)
    for (const x of [l.from, l.to]) {
      const list = adjacent.get(x);
      if (list) list.push(l);
      else adjacent.set(x, [l]);
    }
  /** Links with both ends in `set`, each once (listed from its `from` side). */
  const inside = (set: Set<number>) =>
    [...set].flatMap((x) => (adjacent.get(x) ?? []).filter((l) => l.from === x && set.has(l.to)));
  for (const [root, grown] of groups) {
    const all = inside(new Set(grown));
    // Votes: each directed copy link counts for its source and against its copy (`directionWeight`); every link
    // inside the family counts for both ends (`centreWeight`): copies share text with their origin more than
    // with each other, whatever one pair's direction says.
    const votes = new Map<number, number>();
    const add = (id: number, x: number) => votes.set(id, (votes.get(id) ?? 0) + x);
    for (const l of all) {
      add(l.from, o.centreWeight * l.strength);
      add(l.to, o.centreWeight * l.strength);
      if (!l.directed || !isDerivedVerdict(l.verdict)) continue;
      add(l.to, o.directionWeight * l.strength);
      add(l.from, -o.directionWeight * l.strength);
    }
    const dated = grown.every((id) => metas.get(id)?.published);
    const origin = [...grown].sort(
      (a, b) =>
        written(a, dated) - written(b, dated) ||
        (votes.get(b) ?? 0) - (votes.get(a) ?? 0) ||
        date(a).localeCompare(date(b)) ||
        Number(b === root) - Number(a === root) ||
        a - b,
    )[0];
    // A member the comparison calls only the same story as the origin is an independent report of the event, however
    // the branching reached it (a copy of a copy, a merge): it is listed beside the family, not in its copy graph.
    const ids = grown.filter((id) => id === origin || byPair.get(key(id, origin))?.verdict !== 'same-story');
    if (ids.length < 2) continue;
    const set = new Set(ids);
    const fam = all.filter((e) => set.has(e.from) && set.has(e.to) && copyPairs.has(key(e.from, e.to)));
    const edges = dropSiblingEdges(fam.map(({ confidence: _c, ...e }) => e));
    const depth = distances([origin], edges);
    ids.sort((a, b) => (depth.get(a) ?? 99) - (depth.get(b) ?? 99) || date(a).localeCompare(date(b)) || a - b);
    out.push({
      id: 0,
      origin,
      origins: [origin],
      members: ids.map((id) => member(id, metas)),
      edges: edges.sort((a, b) => a.to - b.to || a.from - b.from),
      related: [],
    });
  }
  out.sort((a, b) => b.members.length - a.members.length || a.members[0].id - b.members[0].id);
  out.forEach((f, i) => {
    f.id = i + 1;
    for (const m of f.members) familyOf.set(m.id, f.id);
  });
  // Related coverage: the strongest link from each outside article to any member.
  for (const f of out) {
    const best = new Map<number, { via: number; l: PairLink }>();
    for (const m of f.members) {
      for (const l of adjacent.get(m.id) ?? []) {
        const other = l.from === m.id ? l.to : l.from;
        if (familyOf.get(other) === f.id) continue;
        const had = best.get(other);
        if (!had || l.strength > had.l.strength) best.set(other, { via: m.id, l });
      }
    }
    f.related = [...best.entries()]
      .sort((a, b) => b[1].l.strength - a[1].l.strength || a[0] - b[0])
      .slice(0, o.maxRelated)
      .map(([id, { via, l }]) => ({
        ...member(id, metas),
        family: familyOf.get(id) ?? null,
        with: via,
        verdict: l.verdict,
        strength: l.strength,
      }));
  }
  return out;
}

function member(id: number, metas: Map<number, ArticleMeta>): FamilyMember {
  const x = metas.get(id);
  return {
    id,
    title: x?.title ?? null,
    url: x?.url ?? null,
    outlet: x?.outlet ?? null,
    published: x?.published ?? null,
  };
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
