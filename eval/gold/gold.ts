/**
 * The hand-read gold set of real rewrites (docs/gold.md): what a standards editor would flag between a source and
 * its rewrite, as typed changes with `[start,end)` spans. Annotations hold ids and offsets into ../shared/data,
 * never its text: the texts are read at eval time and each pair carries hashes of both, so a drifted loader fails
 * loudly instead of scoring against shifted spans.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../src/ingest/index.js';
import { fnv1a } from '../../src/hash.js';
import { readRewrites } from '../data.js';
import { loadMeter } from '../meter.js';

export const GOLD_TYPES = [
  'number-changed',
  'exaggerated',
  'minimised',
  'entity-changed',
  'polarity-flipped',
  'certainty-raised',
  'certainty-lowered',
  'attribution-removed',
  'attribution-changed',
  'quote-altered',
  'quote-fabricated',
  'claim-added',
  'opinion-added',
  'claim-dropped',
  'context-dropped',
] as const;
export type GoldType = (typeof GOLD_TYPES)[number];

/** What the pair is, as read: a rewrite that changes meaning, a faithful one, or a report written independently. */
export const GOLD_KINDS = ['altered', 'faithful', 'independent'] as const;
export type GoldKind = (typeof GOLD_KINDS)[number];

export type GoldRef =
  | { set: 'llm-rewrites'; file: string; id: string }
  | { set: 'meter'; story: string; paper: string };

export type Range = [number, number];

export interface GoldChange {
  type: GoldType;
  /** Span in the source's gold text; null when the change exists only on the derived side (added). */
  source: Range | null;
  /** Span in the derived gold text; null for dropped content. */
  derived: Range | null;
  /** One line in the reader's own words (never the data's text beyond a figure or a name). */
  why: string;
  /** A case the reader was unsure of; a second reading is noted in `note`. */
  hard?: boolean;
  note?: string;
}

export interface GoldPair {
  id: string;
  split: 'dev' | 'test';
  kind: GoldKind;
  /** The generating method / METER label, as the data says. */
  method: string;
  genre: string;
  ref: GoldRef;
  /** fnv1a of the source and derived gold texts. */
  hashes: { source: string; derived: string };
  readers: string[];
  changes: GoldChange[];
  notes?: string;
}

export const goldDir = dirname(fileURLToPath(import.meta.url));
export const pairsDir = join(goldDir, 'pairs');

/** The dataset strings of a pair, as the eval feeds them to compare(). */
export function rawTexts(dataDir: string, ref: GoldRef): { source: string; derived: string } {
  if (ref.set === 'llm-rewrites') {
    const row = rewriteRows(dataDir, ref.file).get(ref.id);
    if (!row) throw new Error(`gold: no row ${ref.id} in llm-rewrites/${ref.file}`);
    return { source: row.source, derived: row.derived };
  }
  const meter = loadMeter(dataDir);
  const source = meter.sources.get(ref.story);
  const paper = meter.paperTexts.find((p) => p.path === ref.paper);
  if (!source || !paper) throw new Error(`gold: METER ${ref.story} / ${ref.paper} not found`);
  return { source, derived: paper.text };
}

/** The text offsets refer to: the extracted text, which is `Analysis.text` and so the findings' coordinates. */
export function goldText(raw: string): string {
  return extract(raw, { format: 'text' }).text;
}

export function goldTexts(dataDir: string, ref: GoldRef): { source: string; derived: string } {
  const raw = rawTexts(dataDir, ref);
  return { source: goldText(raw.source), derived: goldText(raw.derived) };
}

export function textHash(text: string): string {
  return fnv1a(text).toString(16);
}

const rowMemo = new Map<string, Map<string, { source: string; derived: string }>>();
function rewriteRows(dataDir: string, file: string) {
  const key = `${dataDir}|${file}`;
  let m = rowMemo.get(key);
  if (!m) rowMemo.set(key, (m = new Map(readRewrites(dataDir, file).map((r) => [r.id, r]))));
  return m;
}

export function readPairs(dir = pairsDir): GoldPair[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldPair);
}

/** Problems with one pair against its texts (empty when sound): hashes, span bounds, types. */
export function pairProblems(pair: GoldPair, texts: { source: string; derived: string }): string[] {
  const out: string[] = [];
  if (textHash(texts.source) !== pair.hashes.source) out.push(`${pair.id}: source text hash differs`);
  if (textHash(texts.derived) !== pair.hashes.derived) out.push(`${pair.id}: derived text hash differs`);
  if (!(GOLD_KINDS as readonly string[]).includes(pair.kind)) out.push(`${pair.id}: unknown kind ${pair.kind}`);
  pair.changes.forEach((c, i) => {
    if (!(GOLD_TYPES as readonly string[]).includes(c.type)) out.push(`${pair.id}#${i}: unknown type ${c.type}`);
    if (!c.source && !c.derived) out.push(`${pair.id}#${i}: no span on either side`);
    for (const [side, r] of [
      ['source', c.source],
      ['derived', c.derived],
    ] as const) {
      if (r && !(r[0] >= 0 && r[0] < r[1] && r[1] <= texts[side].length))
        out.push(`${pair.id}#${i}: ${side} span [${r[0]},${r[1]}) out of bounds`);
    }
  });
  return out;
}
