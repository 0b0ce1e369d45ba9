/**
 * METER courts, token level: which words of a newspaper story are verbatim PA copy, rewritten PA, or new?
 * Gold: the <Verbatim>/<Rewrite>/<New> spans of newspapers/annotated/courts/*.sgml (only files carrying them).
 * Unspun → label, from compare(PA source, story): a derived word inside a shared run of ≥3 words with the
 * source sentences of an alignment link = verbatim; otherwise a word of an aligned derived sentence = rewrite;
 * a word of an unaligned sentence = new. SGML words are mapped onto the compare result's `derived.text` by
 * word-sequence alignment (LCS); unmatched words are left out and counted in the note.
 * All annotated files are used (only 21 are in the 2000 folders), nothing here is tuned on them.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareResult } from '../../src/types.js';
import { insideSharedRun, ngramSet, words } from '../data.js';
import { loadMeter } from '../meter.js';
import { classify } from '../metrics.js';
import { classificationTable } from '../report.js';
import type { EvalContext, EvalRow, EvalTask } from '../types.js';
import { loadKernel } from '../unspun.js';

type PassageLabel = 'verbatim' | 'rewrite' | 'new';
const LABELS: PassageLabel[] = ['verbatim', 'rewrite', 'new'];
const DATASET = 'meter-courts';

export interface GoldWord {
  norm: string;
  label: PassageLabel;
}

/** Words of an annotated SGML body with the label of the span holding them (words outside spans dropped). */
export function parseAnnotated(sgml: string): GoldWord[] {
  const body = sgml.slice(sgml.search(/<body>/i));
  const out: GoldWord[] = [];
  let label: PassageLabel | null = null;
  let at = 0;
  for (const m of body.matchAll(/<(\/?)(verbatim|rewrite|new|unclassified|body)\b[^>]*>/gi)) {
    if (label) for (const w of words(body.slice(at, m.index))) out.push({ norm: w.norm, label });
    const name = m[2].toLowerCase();
    label = m[1] || !LABELS.includes(name as PassageLabel) ? null : (name as PassageLabel);
    at = m.index + m[0].length;
  }
  return out;
}

/** Lexical baseline: in a shared ≥3-word run with the source = verbatim; a source word = rewrite; else new. */
export function baselineLabels(gold: GoldWord[], sourceText: string): PassageLabel[] {
  const src = words(sourceText).map((w) => w.norm);
  const vocab = new Set(src);
  const inside = insideSharedRun(
    gold.map((g) => g.norm),
    ngramSet(src, 3),
  );
  return gold.map((g, i) => (inside[i] ? 'verbatim' : vocab.has(g.norm) ? 'rewrite' : 'new'));
}

/** Unspun's label for every word of `r.derived.text`, in text order. */
export function unspunLabels(r: CompareResult): { norm: string; label: PassageLabel }[] {
  const dWords = words(r.derived.text);
  const sentenceOf = (sentences: CompareResult['derived']['sentences'], w: { start: number }) =>
    sentences.findIndex((s) => w.start >= s.start && w.start < s.end);
  const labels: PassageLabel[] = dWords.map(() => 'new');
  const dSentence = dWords.map((w) => sentenceOf(r.derived.sentences, w));
  const sWords = words(r.source.text);
  const sSentence = sWords.map((w) => sentenceOf(r.source.sentences, w));
  for (const link of r.alignment) {
    const idx = dWords.map((_, i) => i).filter((i) => link.derived.includes(dSentence[i]));
    const grams = ngramSet(
      sWords.filter((_, i) => link.source.includes(sSentence[i])).map((w) => w.norm),
      3,
    );
    const inside = insideSharedRun(
      idx.map((i) => dWords[i].norm),
      grams,
    );
    idx.forEach((i, k) => {
      if (inside[k]) labels[i] = 'verbatim';
      else if (labels[i] === 'new') labels[i] = 'rewrite';
    });
  }
  return dWords.map((w, i) => ({ norm: w.norm, label: labels[i] }));
}

/** For each position of `a`, the index of its partner in `b` under a longest common subsequence, or -1. */
export function lcsMatch(a: string[], b: string[]): number[] {
  const m = b.length + 1;
  const len = new Int32Array((a.length + 1) * m);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      len[i * m + j] =
        a[i] === b[j] ? len[(i + 1) * m + j + 1] + 1 : Math.max(len[(i + 1) * m + j], len[i * m + j + 1]);
    }
  }
  const out = a.map(() => -1);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) out[i++] = j++;
    else if (len[(i + 1) * m + j] >= len[i * m + j + 1]) i++;
    else j++;
  }
  return out;
}

function annotatedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? annotatedFiles(p) : name.endsWith('.sgml') ? [p] : [];
  });
}

async function run(ctx: EvalContext): Promise<EvalRow[]> {
  const corpus = loadMeter(ctx.dataDir);
  const dir = join(corpus.root, 'newspapers/annotated/courts');
  const docs = annotatedFiles(dir)
    .sort()
    .flatMap((file) => {
      const gold = parseAnnotated(readFileSync(file, 'latin1'));
      if (gold.length === 0) return []; // unclassified file
      const [date, story] = file.slice(dir.length + 1).split('/');
      const sourceText = corpus.sources.get(`${date}/${story}`);
      const derivedPath = file
        .slice(corpus.root.length + 1)
        .replace('/annotated/', '/rawtexts/')
        .replace(/\.sgml$/, '.txt');
      const derived = corpus.paperTexts.find((p) => p.path === derivedPath);
      return sourceText && derived ? [{ gold, sourceText, derivedText: derived.text }] : [];
    });

  const { kernel, reason } = await loadKernel();
  const gold: PassageLabel[] = [];
  const base: PassageLabel[] = [];
  const unspun: PassageLabel[] = [];
  let unmatched = 0;
  let failures = 0;
  docs.forEach((d, n) => {
    ctx.progress('meter-passages', n, docs.length);
    const b = baselineLabels(d.gold, d.sourceText);
    let predicted: Array<PassageLabel | null> = d.gold.map(() => null);
    if (kernel) {
      try {
        const u = unspunLabels(kernel.compare(d.sourceText, d.derivedText));
        predicted = lcsMatch(
          d.gold.map((g) => g.norm),
          u.map((w) => w.norm),
        ).map((j) => (j < 0 ? null : u[j].label));
      } catch {
        failures++;
      }
    }
    d.gold.forEach((g, i) => {
      const p = predicted[i];
      if (kernel && !p) {
        unmatched++;
        return;
      } // score both sides on the same words
      gold.push(g.label);
      base.push(b[i]);
      if (p) unspun.push(p);
    });
  });

  const baseC = classify(gold, base, LABELS);
  ctx.detail(classificationTable(`Baseline, ${docs.length} annotated stories, ${gold.length} words`, baseC));
  const note = `${docs.length} annotated stories (1999+2000), ${gold.length} words; baseline: shared 3-gram run / source word / other`;
  const uC = kernel ? classify(gold, unspun, LABELS) : null;
  if (uC) ctx.detail(classificationTable(`Unspun, same words`, uC));
  const extra = kernel
    ? `; ${unmatched} gold words not found in derived.text${failures ? `, ${failures} compare() failures` : ''}`
    : `; Unspun skipped: ${reason}`;
  const row = (metric: string, pick: (c: typeof baseC) => number, withNote = false): EvalRow => ({
    dataset: DATASET,
    task: 'meter-passages',
    metric,
    value: uC ? pick(uC) : null,
    baseline: pick(baseC),
    ...(withNote ? { note: note + extra } : {}),
  });
  return [
    row('token macro-F1 (verbatim/rewrite/new)', (c) => c.macroF1, true),
    ...LABELS.map((l) => row(`${l} token F1`, (c) => c.perClass[l].f1)), // P and R are in the detail tables
  ];
}

export const task: EvalTask = {
  name: 'meter-passages',
  description:
    'METER courts: token-level verbatim/rewrite/new labels of newspaper stories against the SGML span annotation',
  run,
};
