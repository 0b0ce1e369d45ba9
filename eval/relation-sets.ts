/**
 * The pair sets the relation verdict and direction are fitted on and scored across (eval/tune-relation.ts,
 * eval/tasks/relation-cross.ts). Each set yields (source, derived, gold) pairs; gold is METER's 3 classes or
 * only derived / not derived where the set says no more. Samples are deterministic (sorted by a hash of the id).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRewrites } from './data.js';
import { loadMeter } from './meter.js';

export type Gold = 'wholly' | 'partially' | 'non' | 'derived';

export interface RelationPair {
  set: RelationSetName;
  id: string;
  /** Sub-group for per-kind recall (METER split, LLM method, paraphrase yes/no). */
  group: string;
  source: string;
  derived: string;
  gold: Gold;
}

export const RELATION_SETS = [
  'meter-1999',
  'meter-2000',
  'llm-rewrites',
  'llm-rewrites-dev',
  'webis-cpc',
  'pan-10',
] as const;
export type RelationSetName = (typeof RELATION_SETS)[number];

const hash = (s: string) => createHash('sha1').update(s).digest('hex');

/** Up to `n` items per group, chosen by id hash (stable across runs and machines). */
function perGroup<T>(items: T[], group: (t: T) => string, id: (t: T) => string, n: number): T[] {
  const by = new Map<string, T[]>();
  for (const t of items) by.set(group(t), [...(by.get(group(t)) ?? []), t]);
  return [...by.values()].flatMap((xs) => xs.sort((a, b) => (hash(id(a)) < hash(id(b)) ? -1 : 1)).slice(0, n));
}

/**
 * llm-rewrites: every pair is derived; grouped by file and method/style/operation. The dev sample (for fitting)
 * shares no source article with the scored sample.
 */
function llmRewrites(dataDir: string, perKind: number, dev = false): RelationPair[] {
  type Row = {
    id: string;
    source: string;
    derived: string;
    method?: string;
    style?: string;
    model?: string;
    operation?: string;
  };
  const rows: Array<Row & { group: string }> = [];
  for (const [file, kind] of [
    ['llmfake-gpt35.jsonl', (r: Row) => `llmfake/${r.method}`],
    ['sheepdog-politifact-reframings.jsonl', (r: Row) => `sheepdog/${r.style}`],
    ['mixset-edits.jsonl', (r: Row) => `mixset/${r.operation}`],
  ] as const) {
    // Through readRewrites: LLMFake sources cut at 4,000 characters are left out (eval/data.ts).
    for (const r of readRewrites(dataDir, file) as Row[]) rows.push({ ...r, group: kind(r) });
  }
  const scored = perGroup(
    rows,
    (r) => r.group,
    (r) => r.id,
    perKind,
  );
  const scoredSources = new Set(scored.map((r) => r.source));
  const picked = dev
    ? perGroup(
        rows.filter((r) => !scoredSources.has(r.source)),
        (r) => r.group,
        (r) => 'dev' + r.id,
        perKind,
      )
    : scored;
  return picked.map((r) => ({
    set: dev ? 'llm-rewrites-dev' : 'llm-rewrites',
    id: r.id,
    group: r.group,
    source: r.source,
    derived: r.derived,
    gold: 'derived',
  }));
}

/** Webis-CPC-11: passages and their crowd paraphrases; both labels are reuse (negatives are poor paraphrases, often near-copies). */
function webis(dataDir: string, n: number): RelationPair[] {
  type Row = {
    HITId: string;
    is_paraphrased: string;
    original: Array<{ text: string }>;
    paraphrase: Array<{ text: string }>;
  };
  const rows = JSON.parse(
    readFileSync(join(dataDir, 'webis_cpc11_sample/Webis-CPC-11_1000_sample.json'), 'utf8'),
  ) as Row[];
  const text = (s: Array<{ text: string }>) => s.map((x) => x.text).join(' ');
  const pairs = rows.map((r, i) => ({
    id: `${r.HITId}-${i}`,
    group: r.is_paraphrased === 'Yes' ? 'paraphrase' : 'not-paraphrase',
    source: text(r.original),
    derived: text(r.paraphrase),
  }));
  return perGroup(
    pairs,
    (p) => p.group,
    (p) => p.id,
    n / 2,
  ).map((p) => ({ ...p, set: 'webis-cpc', gold: 'derived' }));
}

/** PAN-10 (MT-metrics test split): sentence pairs from obfuscated plagiarism cases; label 1 = reused, 0 = not. */
function pan(dataDir: string, n: number): RelationPair[] {
  const read = (suffix: string) =>
    readFileSync(join(dataDir, `pan10_mt_metrics_paraphrase/pan-test${suffix}`), 'utf8').split(/\r?\n/);
  const [s1, s2] = [read('_s1.txt'), read('_s2.txt')];
  const pairs = read('.labels')
    .filter((l) => l.trim())
    .map((l, i) => ({
      id: `pan-test-${i}`,
      group: l.trim() === '1' ? 'reused' : 'not-reused',
      source: s1[i],
      derived: s2[i],
    }));
  return perGroup(
    pairs,
    (p) => p.group,
    (p) => p.id,
    n / 2,
  ).map((p) => ({ ...p, set: 'pan-10', gold: p.group === 'reused' ? 'derived' : 'non' }));
}

/** All pairs of one set. Sizes keep a full feature pass under ~15 minutes on a shared 2-core machine. */
export function loadRelationSet(dataDir: string, set: RelationSetName): RelationPair[] {
  if (set === 'meter-1999' || set === 'meter-2000') {
    const split = set === 'meter-1999' ? 'tune' : 'test';
    return loadMeter(dataDir)
      .stories.filter((s) => s.split === split)
      .map((s) => ({ set, id: s.path, group: s.label, source: s.sourceText, derived: s.derivedText, gold: s.label }));
  }
  if (set === 'llm-rewrites') return llmRewrites(dataDir, 30);
  if (set === 'llm-rewrites-dev') return llmRewrites(dataDir, 20, true);
  if (set === 'webis-cpc') return webis(dataDir, 300);
  return pan(dataDir, 400);
}
