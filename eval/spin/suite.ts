/**
 * The spin suite: real articles, each edited once per edit kind (gold by construction), plus one unedited control.
 * Two modes:
 *  - copy: the derived text is the source itself with one edit (METER PA copy, FRANK CNN articles, PolNeAR articles);
 *  - paraphrase: the derived text is a real machine paraphrase of the source (LLMFake `paraphrase`, MixSet
 *    `polish_*`, pairs as published in llm-rewrites) with one edit on top, so checks are measured amid paraphrase.
 * Sampling is seeded by item id (hash order), so the same data gives the same cases.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonl, readRewrites } from '../data.js';
import { readArticle } from '../meter.js';
import { applyEdit, EDIT_KINDS, EXPECTED, type Edit, type EditKind } from './edits.js';
import { hash32, rng } from './rng.js';
import { extract } from '../../src/ingest/index.js';

export type Family = 'meter' | 'frank' | 'polnear' | 'llmfake' | 'mixset';

export interface Base {
  id: string;
  family: Family;
  mode: 'copy' | 'paraphrase';
  source: string;
  /** The text the edits are applied to: the source (copy) or its machine paraphrase. */
  base: string;
}

export interface Gold {
  kind: EditKind;
  rule: string;
  also: string[];
  /** Where the edited item is in the derived text. */
  derived: [number, number];
  /** Where the item is in the source: exact for copies, the item's unique occurrence for paraphrases, else null. */
  source: [number, number] | null;
}

export interface SpinCase {
  id: string;
  base: Base;
  derived: string;
  /** null: the control (base text unedited). */
  gold: Gold | null;
}

/** Longest source text taken (at a paragraph end), to keep the suite within its CPU budget. */
export const MAX_CHARS = 3500;

function truncate(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const cut = text.lastIndexOf('\n\n', MAX_CHARS);
  return cut > 1000 ? text.slice(0, cut) : text.slice(0, text.lastIndexOf('. ', MAX_CHARS) + 1);
}

/** Deterministic sample: the n items whose seeded hash of `id` is smallest. */
export function sample<T>(items: T[], n: number, id: (t: T) => string, seed = 'spin'): T[] {
  return items
    .map((t) => ({ t, h: hash32(`${seed}:${id(t)}`) }))
    .sort((a, b) => a.h - b.h)
    .slice(0, n)
    .map((x) => x.t);
}

const dirs = (d: string): string[] =>
  readdirSync(d)
    .filter((x) => statSync(join(d, x)).isDirectory())
    .sort();

/** Loads `perFamily` bases of each family from the shared data folder. */
export function loadBases(dataDir: string, perFamily: number): Base[] {
  const out: Base[] = [];
  const copy = (family: Family, id: string, text: string) => {
    const t = truncate(text.trim());
    out.push({ id: `${family}:${id}`, family, mode: 'copy', source: t, base: t });
  };

  // METER: the longest PA file of each story folder (the full wire story, not an early snap).
  const pa = join(dataDir, 'meter-courts/PA/rawtexts/courts');
  const stories = dirs(pa).flatMap((d) => dirs(join(pa, d)).map((s) => `${d}/${s}`));
  for (const s of sample(stories, perFamily, (x) => x)) {
    const files = readdirSync(join(pa, s)).filter((f) => f.endsWith('.txt'));
    const texts = files.map((f) => readArticle(join(pa, s, f))).sort((a, b) => b.length - a.length);
    if (texts[0]) copy('meter', s, texts[0]);
  }

  const frank = new Map<string, string>();
  for (const r of readJsonl<{ hash: string; dataset: string; article: string }>(
    join(dataDir, 'frank/frank_with_text.jsonl'),
  )) {
    if (r.dataset === 'cnndm') frank.set(r.hash, r.article);
  }
  for (const h of sample([...frank.keys()], perFamily, (x) => x)) copy('frank', h, frank.get(h)!);

  const pn = join(dataDir, 'polnear');
  const pnFiles = ['train', 'dev', 'test'].flatMap((sp) =>
    readdirSync(join(pn, sp, 'text')).map((f) => join(sp, 'text', f)),
  );
  for (const f of sample(pnFiles, perFamily, (x) => x)) copy('polnear', f, readFileSync(join(pn, f), 'utf8'));

  const llm = readRewrites(dataDir, 'llmfake-gpt35.jsonl').filter((p) => p.method === 'paraphrase_generation');
  for (const p of sample(llm, perFamily, (x) => x.id))
    out.push({ id: `llmfake:${p.id}`, family: 'llmfake', mode: 'paraphrase', source: p.source, base: p.derived });
  const mix = readRewrites(dataDir, 'mixset-edits.jsonl').filter((p) => p.operation?.startsWith('polish_'));
  for (const p of sample(mix, perFamily, (x) => x.id))
    out.push({ id: `mixset:${p.id}`, family: 'mixset', mode: 'paraphrase', source: p.source, base: p.derived });
  return out.flatMap((b) => canonical(b) ?? []);
}

/**
 * The texts as Unspun reads them (ingest joins wrapped lines and collapses runs of spaces), so gold offsets and
 * finding offsets index the same string: before, 122 of 713 gold edits sat at shifted offsets on the derived side and
 * 120 on the source side, and findings on them could not hit. Ingest only lays the text out; it finds no items, so
 * the gold is still made without the measured NLP. (extract is idempotent on its own output.)
 */
export function canonical(b: Base): Base | null {
  const read = (t: string) => extract(t, { format: 'text' }).text;
  try {
    return { ...b, source: read(b.source), base: b.base === b.source ? read(b.source) : read(b.base) };
  } catch {
    return null; // nothing but page furniture (Unspun refuses it): not a base
  }
}

/** The item's single word-bounded occurrence in the source, or null when it is absent or ambiguous. */
function locate(source: string, item: string): [number, number] | null {
  if (item.trim().length < 2) return null;
  const esc = item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const hits = [...source.matchAll(new RegExp(`(?<![\\w])${esc}(?![\\w])`, 'g'))];
  return hits.length === 1 ? [hits[0].index, hits[0].index + item.length] : null;
}

function gold(b: Base, e: Edit): Gold {
  const { rule, also } = EXPECTED[e.kind];
  let source: [number, number] | null = null;
  if (e.item) source = b.mode === 'copy' ? e.item : locate(b.source, b.base.slice(...e.item));
  return { kind: e.kind, rule, also, derived: e.mark, source };
}

/**
 * Bases are visited in sample order; each edit kind is applied to a base until that family has `quota` cases of
 * the kind (rare edits such as a dropped affiliation thus reach further down the list). Every base that received
 * an edit also gets its unedited control.
 */
export function buildCases(bases: Base[], quota: number): SpinCase[] {
  const out: SpinCase[] = [];
  const count = new Map<string, number>();
  for (const b of bases) {
    const edits: SpinCase[] = [];
    for (const kind of EDIT_KINDS) {
      const key = `${b.family}:${kind}`;
      if ((count.get(key) ?? 0) >= quota) continue;
      const e = applyEdit(kind, b.base, rng(`${b.id}:${kind}`));
      if (!e) continue;
      count.set(key, (count.get(key) ?? 0) + 1);
      edits.push({ id: `${b.id}#${kind}`, base: b, derived: e.text, gold: gold(b, e) });
    }
    if (edits.length) out.push({ id: `${b.id}#control`, base: b, derived: b.base, gold: null }, ...edits);
  }
  return out;
}
