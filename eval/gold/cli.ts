/**
 * Gold-set tools (docs/gold.md):
 *   npx tsx eval/gold/cli.ts select            pick the pairs to read → eval/gold/manifest.json
 *   npx tsx eval/gold/cli.ts show <id>         print both gold texts of a pair (to read; never paste them into the repo)
 *   npx tsx eval/gold/cli.ts locate <draft>    a reader's draft (snippets) → eval/gold/pairs/<id>.json (offsets only)
 *   npx tsx eval/gold/cli.ts check             every pair file against its texts
 * Drafts quote the texts, so they live outside the repository (e.g. ../gold-drafts/).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readRewrites } from '../data.js';
import { loadMeter } from '../meter.js';
import { hash32 } from '../../src/hash.js';
import {
  type GoldChange,
  type GoldPair,
  type GoldRef,
  goldDir,
  goldTexts,
  pairProblems,
  pairsDir,
  readPairs,
  textHash,
} from './gold.js';

const dataDir = resolve(process.env.UNSPUN_DATA ?? join(goldDir, '../../../shared/data'));
const manifestPath = join(goldDir, 'manifest.json');

export interface ManifestEntry {
  id: string;
  split: 'dev' | 'test';
  method: string;
  genre: string;
  /** The kind the method implies; the reader settles the pair's kind. */
  expected: 'altered' | 'faithful' | 'independent';
  ref: GoldRef;
}

function words(t: string): number {
  return t.split(/\s+/).filter(Boolean).length;
}

function byHash<T>(xs: T[], key: (t: T) => string): T[] {
  return [...xs].sort((a, b) => hash32(key(a)) - hash32(key(b)));
}

function select(): ManifestEntry[] {
  const out: ManifestEntry[] = [];
  // Alternate within each kind, in selection order, so both halves hold every method.
  const seen = new Map<string, number>();
  const split = (kind: string): 'dev' | 'test' => {
    const n = seen.get(kind) ?? 0;
    seen.set(kind, n + 1);
    return n % 2 === 0 ? 'dev' : 'test';
  };
  const take = (
    file: string,
    group: (r: Record<string, string>) => string | null,
    n: number,
    expected: ManifestEntry['expected'],
    genre: (r: Record<string, string>) => string,
    maxWords = 380,
  ) => {
    const rows = (readRewrites(dataDir, file) as unknown as Record<string, string>[]).filter(
      (r) => group(r) && words(r.source) >= 80 && words(r.source) <= maxWords && words(r.derived) <= maxWords * 1.3,
    );
    const groups = new Map<string, Record<string, string>[]>();
    for (const r of rows) groups.set(group(r) as string, [...(groups.get(group(r) as string) ?? []), r]);
    for (const [g, rs] of [...groups].sort()) {
      for (const r of byHash(rs, (x) => x.id).slice(0, n)) {
        out.push({
          id: `${file.split('-')[0]}-${r.id}`.replace(/[^A-Za-z0-9_.-]/g, '_'),
          split: split(expected),
          method: g,
          genre: genre(r),
          expected,
          ref: { set: 'llm-rewrites', file, id: r.id },
        });
      }
    }
  };
  const im = (r: Record<string, string>) =>
    r.method.startsWith('information_manipulation') ? r.method.replace('information_manipulation_', 'im/') : null;
  take('llmfake-gpt35.jsonl', im, 3, 'altered', () => 'political');
  take(
    'llmfake-gpt35.jsonl',
    (r) => (r.method === 'paraphrase_generation' ? `paraphrase/${r.dataset}` : null),
    3,
    'faithful',
    (r) => ({ politifact: 'political', gossipcop: 'celebrity', coaid: 'health' })[r.dataset] ?? r.dataset,
  );
  take(
    'llmfake-gpt35.jsonl',
    (r) => (r.method === 'rewrite_generation' ? `rewrite/${r.dataset}` : null),
    1,
    'altered',
    (r) => ({ politifact: 'political', gossipcop: 'celebrity', coaid: 'health' })[r.dataset] ?? r.dataset,
  );
  take(
    'sheepdog-politifact-reframings.jsonl',
    (r) => (['sensational', 'emotionally_triggering'].includes(r.style) ? r.style : null),
    4,
    'altered',
    () => 'political',
  );
  take(
    'sheepdog-politifact-reframings.jsonl',
    (r) => (['objective', 'neutral'].includes(r.style) ? r.style : null),
    3,
    'faithful',
    () => 'political',
  );
  take(
    'mixset-edits.jsonl',
    (r) => (r.category === 'news' && ['polish_sentence', 'rewrite'].includes(r.operation) ? r.operation : null),
    3,
    'faithful',
    () => 'news',
  );
  // METER: short stories with a short PA source; 1999 folders dev, 2000 test (as the relation tuning splits them).
  const meter = loadMeter(dataDir);
  for (const [label, n, expected] of [
    ['wholly', 12, 'altered'],
    ['non', 12, 'independent'],
  ] as const) {
    const stories = meter.stories.filter(
      (s) =>
        s.label === label && words(s.sourceText) <= 550 && words(s.derivedText) >= 80 && words(s.derivedText) <= 450,
    );
    for (const sp of ['tune', 'test'] as const) {
      for (const s of byHash(
        stories.filter((x) => x.split === sp),
        (x) => x.path,
      ).slice(0, n / 2)) {
        out.push({
          id: `meter-${s.date}-${s.story}-${s.paper}`.replace(/[^A-Za-z0-9_.-]/g, '_'),
          split: sp === 'tune' ? 'dev' : 'test',
          method: `meter/${label}`,
          genre: 'courts',
          expected,
          ref: { set: 'meter', story: `${s.date}/${s.story}`, paper: s.path },
        });
      }
    }
  }
  return out;
}

function manifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestEntry[];
}

interface DraftChange extends Omit<GoldChange, 'source' | 'derived'> {
  source: string | null;
  derived: string | null;
  sourceNth?: number;
  derivedNth?: number;
}
interface Draft {
  id: string;
  kind: GoldPair['kind'];
  readers: string[];
  notes?: string;
  changes: DraftChange[];
}

/** Finds the nth occurrence of a snippet; whitespace runs in the snippet match any whitespace run. */
function find(text: string, snippet: string, nth = 0, what = ''): [number, number] {
  const pattern = new RegExp(
    snippet
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
    'g',
  );
  const hits = [...text.matchAll(pattern)];
  if (hits.length === 0) throw new Error(`${what}: snippet not found: ${JSON.stringify(snippet.slice(0, 80))}`);
  if (nth >= hits.length) throw new Error(`${what}: only ${hits.length} occurrence(s) of ${JSON.stringify(snippet)}`);
  if (hits.length > 1 && nth === 0)
    console.error(`${what}: ${hits.length} occurrences of ${JSON.stringify(snippet.slice(0, 60))}; took the first`);
  const m = hits[nth];
  return [m.index ?? 0, (m.index ?? 0) + m[0].length];
}

function locate(draftPath: string): void {
  const draft = JSON.parse(readFileSync(draftPath, 'utf8')) as Draft;
  const entry = manifest().find((e) => e.id === draft.id);
  if (!entry) throw new Error(`${draft.id} is not in eval/gold/manifest.json`);
  const texts = goldTexts(dataDir, entry.ref);
  const changes: GoldChange[] = draft.changes.map((c, i) => {
    const { source, derived, sourceNth, derivedNth, ...rest } = c;
    return {
      ...rest,
      source: source ? find(texts.source, source, sourceNth, `${draft.id}#${i} source`) : null,
      derived: derived ? find(texts.derived, derived, derivedNth, `${draft.id}#${i} derived`) : null,
    };
  });
  const pair: GoldPair = {
    id: entry.id,
    split: entry.split,
    kind: draft.kind,
    method: entry.method,
    genre: entry.genre,
    ref: entry.ref,
    hashes: { source: textHash(texts.source), derived: textHash(texts.derived) },
    readers: draft.readers,
    changes,
    ...(draft.notes ? { notes: draft.notes } : {}),
  };
  const problems = pairProblems(pair, texts);
  if (problems.length) throw new Error(problems.join('\n'));
  writeFileSync(join(pairsDir, `${entry.id}.json`), `${JSON.stringify(pair, null, 2)}\n`);
  console.log(`${entry.id}: ${changes.length} change(s) → eval/gold/pairs/${entry.id}.json`);
}

function main(): void {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === 'select') {
    const m = select();
    writeFileSync(manifestPath, `${JSON.stringify(m, null, 2)}\n`);
    console.log(`${m.length} pairs → eval/gold/manifest.json`);
  } else if (cmd === 'show' && arg) {
    const entry = manifest().find((e) => e.id === arg);
    if (!entry) throw new Error(`${arg} is not in the manifest`);
    const t = goldTexts(dataDir, entry.ref);
    console.log(`# ${entry.id} (${entry.method}, expected ${entry.expected})`);
    console.log(`\n===== SOURCE (${t.source.length} chars) =====\n${t.source}`);
    console.log(`\n===== DERIVED (${t.derived.length} chars) =====\n${t.derived}`);
  } else if (cmd === 'locate' && arg) {
    locate(arg);
  } else if (cmd === 'check') {
    const entries = new Map(manifest().map((e) => [e.id, e]));
    let bad = 0;
    for (const p of readPairs()) {
      const e = entries.get(p.id);
      const problems = e ? pairProblems(p, goldTexts(dataDir, p.ref)) : [`${p.id}: not in the manifest`];
      for (const x of problems) console.error(x);
      bad += problems.length;
    }
    console.log(bad ? `${bad} problem(s)` : 'gold: every pair matches its texts');
    process.exitCode = bad ? 1 : 0;
  } else {
    console.error('usage: cli.ts select | show <id> | locate <draft.json> | check');
    process.exitCode = 2;
  }
}

try {
  main();
} catch (e) {
  console.error(String((e as Error).message));
  process.exitCode = 1;
}
