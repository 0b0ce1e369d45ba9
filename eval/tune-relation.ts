/**
 * Fits the relation model (src/relation/fitted.ts) on the METER courts 1999 folders ONLY.
 * `npx tsx eval/tune-relation.ts [--cached]` — features are cached in .cache/relation-features.json.
 * The 2000 folders stay untouched here: `npm run eval` reports on them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import { align } from '../src/align/index.js';
import { loadVectors } from '../src/align/vectors.js';
import { computeScores } from '../src/relation/scores.js';
import { transpose, DIRECTION_FEATURES, looksSpun, THRESHOLDS } from '../src/relation/verdict.js';
import { relationFeatures, FEATURE_NAMES, type RelationFeatures } from '../src/relation/features.js';
import { CLASSES, fit, predict, vectorOf, type RelationModel } from '../src/relation/model.js';
import type { Analysis } from '../src/types.js';
import { loadMeter } from './meter.js';
import { classify } from './metrics.js';

const repo = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.env.UNSPUN_DATA ?? join(repo, '../shared/data'));
const cacheFile = join(repo, '.cache', 'relation-features.json');

interface Row {
  label: number;
  features: RelationFeatures;
  reversed: RelationFeatures;
}

function collect(): Row[] {
  if (process.argv.includes('--cached') && existsSync(cacheFile))
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as Row[];
  const { stories } = loadMeter(dataDir);
  const tune = stories.filter((s) => s.split === 'tune');
  const cache = new Map<string, Analysis>();
  const analysis = (text: string) => {
    let a = cache.get(text);
    if (!a) cache.set(text, (a = analyze(extract(text, { format: 'text' }))));
    return a;
  };
  const vectors = loadVectors();
  const rows: Row[] = [];
  tune.forEach((s, i) => {
    const src = analysis(s.sourceText);
    const der = analysis(s.derivedText);
    const alignment = align(src, der, vectors);
    const features = relationFeatures(src, der, alignment, computeScores(src, der, alignment));
    const flipped = transpose(alignment);
    const reversed = relationFeatures(der, src, flipped, computeScores(der, src, flipped));
    rows.push({ label: CLASSES.indexOf(s.label), features, reversed });
    if (i % 50 === 0) process.stderr.write(`features ${i}/${tune.length}\n`);
  });
  mkdirSync(join(repo, '.cache'), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(rows));
  return rows;
}

function macroF1(model: RelationModel, rows: Row[]): number {
  const pred = rows.map((r) => {
    const p = predict(model, vectorOf(r.features));
    const cls = CLASSES[p.indexOf(Math.max(...p))];
    // The spin rule and the verbatim floor, as judgeRelation applies them.
    if (cls === 'non' && looksSpun(r.features)) return 'wholly';
    return cls === 'non' && r.features.verbatimShare >= THRESHOLDS.reuseFloor ? 'partially' : cls;
  });
  return classify(
    rows.map((r) => CLASSES[r.label]),
    pred,
    [...CLASSES],
  ).macroF1;
}

/** 5-fold cross-validated macro-F1 on the tune split, to pick the L2 strength. */
function crossValidate(rows: Row[], l2: number, balance: number): number {
  const folds = 5;
  let total = 0;
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((_, i) => i % folds !== f);
    const held = rows.filter((_, i) => i % folds === f);
    total += macroF1(
      fit(
        train.map((r) => vectorOf(r.features)),
        train.map((r) => r.label),
        { l2, balance },
      ),
      held,
    );
  }
  return total / folds;
}

const rows = collect();
process.stderr.write(
  `${rows.length} tune stories: ${CLASSES.map((c, i) => `${c} ${rows.filter((r) => r.label === i).length}`).join(', ')}\n`,
);
// Class balance: 1 weighs the classes equally, 0 as sampled. Fixed at 1: macro-F1 weighs classes equally and the
// class mix of new data is unknown (1999 is 31% wholly / 51% partially / 18% non); a lower balance wins
// cross-validation on 1999 only by learning that year's mix (`--balance-grid` shows it).
let best = { l2: 0.01, balance: 1, f1: -1 };
for (const balance of process.argv.includes('--balance-grid') ? [0, 0.5, 1] : [1]) {
  for (const l2 of [0.0003, 0.001, 0.003, 0.01, 0.03]) {
    const f1 = crossValidate(rows, l2, balance);
    process.stderr.write(`balance ${balance}, l2 ${l2}: cross-validated macro-F1 ${f1.toFixed(3)}\n`);
    if (f1 > best.f1) best = { l2, balance, f1 };
  }
}
const model = fit(
  rows.map((r) => vectorOf(r.features)),
  rows.map((r) => r.label),
  { l2: best.l2, balance: best.balance },
);
process.stderr.write(
  `chosen balance ${best.balance}, l2 ${best.l2}; tune macro-F1 (fit on all of 1999) ${macroF1(model, rows).toFixed(3)}\n`,
);

// Direction: which antisymmetric evidence (as-given minus reversed) orders the derived pairs of 1999 best?
const derivedRows = rows.filter((r) => CLASSES[r.label] !== 'non');
for (const name of DIRECTION_FEATURES) {
  const right = derivedRows.filter((r) => r.features[name] - r.reversed[name] > 0).length;
  process.stderr.write(
    `direction by ${name}: ${(right / derivedRows.length).toFixed(3)} of ${derivedRows.length} derived pairs\n`,
  );
}
const lean = (r: Row) => DIRECTION_FEATURES.reduce((acc, name) => acc + r.features[name] - r.reversed[name], 0);
process.stderr.write(
  `direction by their sum (used): ${(derivedRows.filter((r) => lean(r) > 0).length / derivedRows.length).toFixed(3)}\n`,
);

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const out = `// Generated by eval/tune-relation.ts on the METER courts 1999 folders (${rows.length} stories); do not edit by hand.
// Features: ${FEATURE_NAMES.join(', ')}. Classes: ${CLASSES.join(', ')}. Class balance ${best.balance}, L2 ${best.l2}, 5-fold CV macro-F1 ${best.f1.toFixed(3)}.
import type { RelationModel } from './model.js';

export const FITTED: RelationModel = {
  mean: ${JSON.stringify(model.mean.map(r4))},
  std: ${JSON.stringify(model.std.map(r4))},
  weights: [
${model.weights.map((w) => `    ${JSON.stringify(w.map(r4))},`).join('\n')}
  ],
  bias: ${JSON.stringify(model.bias.map(r4))},
};
`;
writeFileSync(join(repo, 'src/relation/fitted.ts'), out);
process.stderr.write('wrote src/relation/fitted.ts\n');
