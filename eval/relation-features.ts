/**
 * Computes the relation features of every pair of the relation sets (eval/relation-sets.ts), both readings,
 * plus the word-containment baseline both ways, into .cache/relation-sets/<set>.json.
 * `npx tsx eval/relation-features.ts [set …]` — eval/tune-relation.ts fits on these and scores across sets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import { align } from '../src/align/index.js';
import { loadVectors } from '../src/align/vectors.js';
import { computeScores } from '../src/relation/scores.js';
import { transpose } from '../src/relation/verdict.js';
import { relationFeatures, type RelationFeatures } from '../src/relation/features.js';
import type { Analysis } from '../src/types.js';
import { containment } from './data.js';
import { loadRelationSet, RELATION_SETS, type Gold, type RelationSetName } from './relation-sets.js';

export interface FeatureRow {
  id: string;
  group: string;
  gold: Gold;
  features: RelationFeatures;
  reversed: RelationFeatures;
  /** Word containment of derived in source, and of source in derived (the baselines). */
  contDS: number;
  contSD: number;
}

export const repo = resolve(import.meta.dirname, '..');
export const featureFile = (set: RelationSetName) => join(repo, '.cache', 'relation-sets', `${set}.json`);

/** Features of every pair of one set (written to the cache too); a pair that throws is reported and skipped. */
export function computeFeatures(
  dataDir: string,
  set: RelationSetName,
  progress: (done: number, total: number) => void = () => {},
): FeatureRow[] {
  mkdirSync(join(repo, '.cache', 'relation-sets'), { recursive: true });
  {
    const pairs = loadRelationSet(dataDir, set);
    const vectors = loadVectors();
    const cache = new Map<string, Analysis>();
    const analysis = (text: string) => {
      let a = cache.get(text);
      if (!a) cache.set(text, (a = analyze(extract(text, { format: 'text' }))));
      return a;
    };
    const rows: FeatureRow[] = [];
    pairs.forEach((p, i) => {
      try {
        const src = analysis(p.source);
        const der = analysis(p.derived);
        const alignment = align(src, der, vectors);
        const features = relationFeatures(src, der, alignment, computeScores(src, der, alignment));
        const flipped = transpose(alignment);
        const reversed = relationFeatures(der, src, flipped, computeScores(der, src, flipped));
        rows.push({
          id: p.id,
          group: p.group,
          gold: p.gold,
          features,
          reversed,
          contDS: containment(p.derived, p.source),
          contSD: containment(p.source, p.derived),
        });
      } catch (e) {
        process.stderr.write(`${set} ${p.id}: ${String((e as Error).message).split('\n')[0]}\n`);
      }
      progress(i, pairs.length);
    });
    writeFileSync(featureFile(set), JSON.stringify(rows));
    return rows;
  }
}

function main() {
  const dataDir = resolve(process.env.UNSPUN_DATA ?? join(repo, '../shared/data'));
  const sets = process.argv.slice(2).length ? (process.argv.slice(2) as RelationSetName[]) : [...RELATION_SETS];
  const t0 = Date.now();
  for (const set of sets) {
    const rows = computeFeatures(
      dataDir,
      set,
      (i, n) => i % 50 === 0 && process.stderr.write(`${set} ${i}/${n} ${((Date.now() - t0) / 1000).toFixed(0)}s\n`),
    );
    process.stderr.write(`${set}: ${rows.length} rows\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
