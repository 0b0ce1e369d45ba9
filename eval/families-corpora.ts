/**
 * The corpora the families task clusters (issue #21), each loaded into one real store, and the store's pairwise
 * links (the expensive step of `families`) cached in .cache/families/ by a hash of the corpus texts and the tool
 * version, so the clustering can be re-scored offline. Gold labels (story, kind) come from paths and file
 * membership only; the store sees an id and the text, nothing else.
 *
 * - METER courts, one store per split: every PA file and every newspaper story of the split's folders
 *   (1999 = dev, 2000 = test). Story = DATE/STORY folder; kind = wire (PA), derived (wholly/partially),
 *   independent (non-derived), other (a newspaper story the corpus does not label).
 * - llm-rewrites, one store per split (sources split dev/test by a hash of the source text): per file, 10 sources
 *   with up to 3 of their rewrites (kind derived) and 6 further sources of the same file without their rewrites
 *   (kind independent: same set, same style, their own story).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVectors, type Vectors } from '../src/align/vectors.js';
import { addPaths, trace } from '../src/corpus/index.js';
import { collectLinks, type PairLink } from '../src/corpus/families.js';
import type { ArticleMeta } from '../src/store/store.js';
import { openStore, type Store } from '../src/store/index.js';
import { TOOL } from '../src/version.js';
import { readRewrites } from './data.js';
import { bm25Retriever } from './retrievers.js';
import { loadMeter } from './meter.js';

export type Kind = 'wire' | 'derived' | 'independent' | 'other';

export interface FamilyDoc {
  /** Unique key (a METER path, or llm file + hash). */
  key: string;
  text: string;
  story: string;
  kind: Kind;
}

export interface FamilyCorpus {
  name: string;
  split: 'dev' | 'test';
  docs: FamilyDoc[];
}

/** The store's links with store ids mapped back to document keys. */
export interface KeyedLinks {
  links: Array<Omit<PairLink, 'from' | 'to'> & { from: string; to: string }>;
  /** Every article the collection saw (all of them: every article is a seed). */
  keys: string[];
}

const hash = (s: string) => createHash('sha1').update(s).digest('hex');
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

export function meterCorpus(dataDir: string, split: 'dev' | 'test'): FamilyCorpus {
  const m = loadMeter(dataDir);
  const suffix = split === 'dev' ? '.99' : '.00';
  const labelOf = new Map(m.stories.map((s) => [s.path, s.label]));
  const docs: FamilyDoc[] = [];
  for (const t of m.paTexts)
    if (t.date.endsWith(suffix)) docs.push({ key: t.path, text: t.text, story: `${t.date}/${t.story}`, kind: 'wire' });
  for (const t of m.paperTexts) {
    if (!t.date.endsWith(suffix)) continue;
    const label = labelOf.get(t.path);
    const kind: Kind = !label ? 'other' : label === 'non' ? 'independent' : 'derived';
    docs.push({ key: t.path, text: t.text, story: `${t.date}/${t.story}`, kind });
  }
  return { name: `meter-courts-${split === 'dev' ? '1999' : '2000'}`, split, docs };
}

export function llmCorpus(dataDir: string, split: 'dev' | 'test'): FamilyCorpus {
  const docs: FamilyDoc[] = [];
  for (const file of ['llmfake-gpt35.jsonl', 'sheepdog-politifact-reframings.jsonl', 'mixset-edits.jsonl']) {
    const bySource = new Map<string, string[]>();
    for (const r of readRewrites(dataDir, file)) {
      if (r.derived.trim() === r.source.trim()) continue;
      bySource.set(r.source, [...(bySource.get(r.source) ?? []), r.derived]);
    }
    // Split by source: the first hex digit of the source's hash, even → dev, odd → test.
    const sources = [...bySource.keys()]
      .filter((s) => (parseInt(hash(s)[0], 16) % 2 === 0) === (split === 'dev'))
      .sort((a, b) => (hash(a) < hash(b) ? -1 : 1));
    const tag = file.split(/[-.]/)[0];
    for (const [i, source] of sources.slice(0, 16).entries()) {
      const story = `${tag}/${hash(source).slice(0, 10)}`;
      docs.push({ key: `${story}/source`, text: source, story, kind: i < 10 ? 'wire' : 'independent' });
      if (i >= 10) continue;
      const rewrites = [...new Set(bySource.get(source))].sort((a, b) => (hash(a) < hash(b) ? -1 : 1)).slice(0, 3);
      for (const [j, text] of rewrites.entries())
        docs.push({ key: `${story}/rewrite-${j}`, text, story, kind: 'derived' });
    }
  }
  return { name: `llm-rewrites-${split}`, split, docs };
}

/** The cache key of a corpus: its texts, the tool version and the fitted verdict table. */
function corpusId(c: FamilyCorpus): string {
  const fitted = readFileSync(join(repo, 'src/relation/fitted.ts'), 'utf8');
  return hash(TOOL.version + fitted + '\n' + c.docs.map((d) => d.key + '\n' + d.text).join('\n')).slice(0, 12);
}

/** The corpus loaded into a temporary SQLite store (deleted after `use`), with store ids mapped to document keys. */
async function withCorpusStore<T>(
  c: FamilyCorpus,
  use: (store: Store, vectors: Vectors, keyOf: Map<number, string>) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'unspun-families-'));
  try {
    const jsonl = join(dir, 'docs.jsonl');
    writeFileSync(jsonl, c.docs.map((d) => JSON.stringify({ id: d.key, text: d.text })).join('\n') + '\n');
    const store = await openStore(join(dir, 'eval.db'));
    try {
      const vectors = loadVectors();
      await addPaths(store, [jsonl], { vectors });
      const keyOf = new Map((await store.list({ limit: 1e9 })).map((m) => [m.id, m.article]));
      return await use(store, vectors, keyOf);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cached<T>(file: string, make: () => Promise<T>): Promise<T> {
  if (existsSync(file) && !process.env.UNSPUN_FAMILIES_FRESH)
    return Promise.resolve(JSON.parse(readFileSync(file, 'utf8')));
  return make().then((out) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(out));
    return out;
  });
}

/** Who is traced: derived articles whose story has a wire file and at least one other non-wire article in the store. */
export function traceQueries(c: FamilyCorpus): FamilyDoc[] {
  const wires = new Set(c.docs.filter((d) => d.kind === 'wire').map((d) => d.story));
  const papers = new Map<string, number>();
  for (const d of c.docs) if (d.kind !== 'wire') papers.set(d.story, (papers.get(d.story) ?? 0) + 1);
  return c.docs.filter((d) => d.kind === 'derived' && wires.has(d.story) && (papers.get(d.story) ?? 0) >= 2);
}

/** Per traced article (`traceQueries`), the candidate keys best first: Unspun's `trace` and the BM25 baseline. */
export interface TraceRuns {
  unspun: Record<string, string[]>;
  bm25: Record<string, string[]>;
  /** Per traced article, each listed candidate's score and role (for reading a rank choice offline). */
  parts?: Record<string, Array<{ score: number; role: string }>>;
}

/**
 * Every `traceQueries` article traced in the corpus's own store (`trace` by stored id, top 10), and the same
 * article's text searched with FTS5 BM25 over all the corpus texts (itself left out); cached like the links.
 */
export async function corpusTraces(
  c: FamilyCorpus,
  onProgress?: (done: number, total: number) => void,
): Promise<TraceRuns> {
  // Keyed by the rank's code too: a trace cache must never outlive a change to the order it measured.
  const code = ['src/corpus/trace.ts', 'src/corpus/relative-day.ts', 'lexicons/relative-days.json']
    .map((f) => readFileSync(join(repo, f), 'utf8'))
    .join('\n');
  const file = join(repo, '.cache/families', `${c.name}-trace-${hash(corpusId(c) + code).slice(0, 12)}.json`);
  return cached(file, async () => {
    const queries = traceQueries(c);
    const bm25 = bm25Retriever();
    await bm25.index(c.docs.map((d) => ({ id: d.key, text: d.text })));
    const out: TraceRuns = { unspun: {}, bm25: {}, parts: {} };
    for (const q of queries)
      out.bm25[q.key] = (await bm25.retrieve(q.text, 11)).map((h) => h.id).filter((k) => k !== q.key);
    bm25.close();
    return withCorpusStore(c, async (store, vectors, keyOf) => {
      const idOf = new Map([...keyOf].map(([id, key]) => [key, id]));
      for (const [i, q] of queries.entries()) {
        onProgress?.(i, queries.length);
        const r = await trace(store, idOf.get(q.key)!, { vectors, top: 10, onWarning: () => {} });
        out.unspun[q.key] = r.candidates.map((x) => keyOf.get(x.id) ?? String(x.id));
        out.parts![q.key] = r.candidates.map((x) => ({ score: x.score, role: x.role }));
      }
      return out;
    });
  });
}

/**
 * The corpus in a temporary SQLite store, every article's short list compared (`collectLinks`, as `families`
 * does); cached by corpus texts and tool version (UNSPUN_FAMILIES_FRESH=1 recomputes).
 */
export async function corpusLinks(
  c: FamilyCorpus,
  onProgress?: (done: number, total: number) => void,
): Promise<KeyedLinks> {
  const file = join(repo, '.cache/families', `${c.name}-${corpusId(c)}.json`);
  return cached(file, () =>
    withCorpusStore(c, async (store, vectors) => {
      const { links, metas } = await collectLinks(store, { vectors, onProgress });
      const key = (m: ArticleMeta | undefined) => m?.article ?? '';
      return {
        links: links.map((l) => ({ ...l, from: key(metas.get(l.from)), to: key(metas.get(l.to)) })),
        keys: [...metas.values()].map(key),
      };
    }),
  );
}
