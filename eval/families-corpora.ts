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
import { loadVectors } from '../src/align/vectors.js';
import { addPaths } from '../src/corpus/index.js';
import { collectLinks, type PairLink } from '../src/corpus/families.js';
import type { ArticleMeta } from '../src/store/store.js';
import { openStore } from '../src/store/index.js';
import { TOOL } from '../src/version.js';
import { readRewrites } from './data.js';
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

/**
 * The corpus in a temporary SQLite store, every article's short list compared (`collectLinks`, as `families`
 * does); cached by corpus texts and tool version (UNSPUN_FAMILIES_FRESH=1 recomputes).
 */
export async function corpusLinks(
  c: FamilyCorpus,
  onProgress?: (done: number, total: number) => void,
): Promise<KeyedLinks> {
  const fitted = readFileSync(join(repo, 'src/relation/fitted.ts'), 'utf8');
  const id = hash(TOOL.version + fitted + '\n' + c.docs.map((d) => d.key + '\n' + d.text).join('\n')).slice(0, 12);
  const file = join(repo, '.cache/families', `${c.name}-${id}.json`);
  if (existsSync(file) && !process.env.UNSPUN_FAMILIES_FRESH) return JSON.parse(readFileSync(file, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'unspun-families-'));
  try {
    const jsonl = join(dir, 'docs.jsonl');
    writeFileSync(jsonl, c.docs.map((d) => JSON.stringify({ id: d.key, text: d.text })).join('\n') + '\n');
    const store = await openStore(join(dir, 'eval.db'));
    const vectors = loadVectors();
    await addPaths(store, [jsonl], { vectors });
    const { links, metas } = await collectLinks(store, { vectors, onProgress });
    await store.close();
    const key = (m: ArticleMeta | undefined) => m?.article ?? '';
    const out: KeyedLinks = {
      links: links.map((l) => ({ ...l, from: key(metas.get(l.from)), to: key(metas.get(l.to)) })),
      keys: [...metas.values()].map(key),
    };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(out));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
