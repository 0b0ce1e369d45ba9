/**
 * `quotes` (issue #25): the quote index and `unspun quotes` on three sets.
 *  1. METER courts 2000: every PA quote (in double quotation marks, ≥ 5 words, plain regex) looked up in a store of
 *     the 2000 PA files and newspaper stories. Silver gold: a newspaper story carries the quote when its text shares
 *     a run of ≥ 5 words with it (plain word tokens, no Unspun NLP); Unspun's appearances are quoted or restated. Micro P/R/F1 over
 *     (quote, story) pairs. Baseline: exact-string matching (the story's words hold the whole quote verbatim).
 *  2. Spin suite with quote edits (eval/spin/quote-edits.ts), gold by construction: METER 2000 PA texts and PolNeAR
 *     test articles with an attributed quote, each stored once (earlier) and as five later copies — altered (one
 *     word swapped), re-attributed (another name), de-attributed (say-clause removed), fabricated (a new quote given
 *     to the quote's speaker), control (unchanged). Rows: cluster P/R/F1 of the edited quote's lookup (gold: the
 *     base and its copies; for the invented quote, its copy alone), mutation-type accuracy on the edited copy (the
 *     expected mutation alone; control: none), fabricated quotes flagged, and false flags over every other quote
 *     of every copy. Baseline: exact-string matching (a quote whose exact words no earlier article has is "new":
 *     fabricated; otherwise unchanged).
 *  3. PolNeAR test: speaker accuracy of the quote index — each quote whose words lie in a gold attribution's
 *     Content with a gold Source: right when the index's speaker mention overlaps the gold Source, or its name's
 *     last word is in it. Baseline: the said-verb regex's source (findings-polnear.ts).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVectors } from '../../src/align/vectors.js';
import { loadLexicon } from '../../src/align/words/wordnet.js';
import { addPaths } from '../../src/corpus/add.js';
import { quoteEntries } from '../../src/corpus/quotes/entries.js';
import { articleQuotes, quoteProvenance } from '../../src/corpus/quotes/index.js';
import { extract } from '../../src/ingest/index.js';
import { analyze } from '../../src/nlp/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { words } from '../data.js';
import { loadMeter } from '../meter.js';
import { fmt } from '../report.js';
import { EXPECTED_MUTATION, QUOTE_EDIT_KINDS, applyQuoteEdit, attributedQuotes } from '../spin/quote-edits.js';
import { rng } from '../spin/rng.js';
import { sample } from '../spin/suite.js';
import type { EvalContext, EvalRow, EvalTask } from '../types.js';
import { offsetMap, polnearTest, readAnn, regexAttributions } from './findings-polnear.js';

const MIN_WORDS = 5;
const RUN = 5;
/** Bases per family in the spin part (METER, PolNeAR): five copies each. */
const BASES = Number(process.env.UNSPUN_EVAL_QUOTE_BASES ?? 40);
const MUTATIONS = new Set(['words-changed', 'speaker-changed', 'speaker-dropped', 'possibly-fabricated']);

const norm = (s: string) => words(s).map((w) => w.norm);
/** Quoted passages by plain regex (straight and curly double quotes). */
function plainQuotes(text: string): string[] {
  return [...text.matchAll(/["“]([^"“”\n]{10,800}?)["”]/g)].map((m) => m[1]).filter((q) => norm(q).length >= MIN_WORDS);
}
const grams = (ws: string[], n = RUN) => {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(' '));
  return out;
};
const prf = (tp: number, pred: number, gold: number) => {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

async function storeOf(records: Array<Record<string, string>>, tag: string): Promise<{ store: Store; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), `unspun-eval-quotes-${tag}-`));
  writeFileSync(join(dir, 'in.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const store = await openStore(join(dir, 'q.db'));
  await addPaths(store, [join(dir, 'in.jsonl')], { vectors: loadVectors(), workers: 2 });
  return { store, dir };
}

/** DD.MM.YY → an ISO date (PA copy at 06:00, the papers a day later). */
function meterDate(d: string, plusDays = 0): string {
  const [dd, mm, yy] = d.split('.').map(Number);
  return new Date(Date.UTC(2000 + (yy > 50 ? yy - 100 : yy), mm - 1, dd + plusDays, 6)).toISOString();
}

export async function meterClusters(ctx: EvalContext): Promise<{ rows: EvalRow[]; detail: string }> {
  const m = loadMeter(ctx.dataDir);
  const test = (d: string) => d.endsWith('.00');
  const pa = m.paTexts.filter((t) => test(t.date));
  const papers = m.paperTexts.filter((t) => test(t.date));
  const { store, dir } = await storeOf(
    [
      ...pa.map((t) => ({ id: t.path, text: t.text, published: meterDate(t.date) })),
      ...papers.map((t) => ({ id: t.path, text: t.text, published: meterDate(t.date, 1) })),
    ],
    'meter',
  );
  const idToPath = new Map((await store.list()).map((a) => [a.id, a.article]));
  // Silver gold: papers whose text shares a 5-word run with the PA quote (in quotation marks of any style or not:
  // British papers quote with single marks, and a paper may drop the marks).
  const paperGrams = new Map<string, Set<string>>();
  const paperWords = new Map<string, string>();
  for (const p of papers) {
    paperGrams.set(p.path, grams(norm(p.text)));
    paperWords.set(p.path, ` ${norm(p.text).join(' ')} `);
  }
  const c = { tp: 0, pred: 0, gold: 0, btp: 0, bpred: 0 };
  let queries = 0;
  const lexicon = loadLexicon();
  for (const [i, t] of pa.entries()) {
    ctx.progress('quotes: meter', i, pa.length);
    for (const q of new Set(plainQuotes(t.text))) {
      const qw = norm(q);
      const qg = grams(qw);
      const gold = new Set(
        papers.filter((p) => [...qg].some((x) => paperGrams.get(p.path)!.has(x))).map((p) => p.path),
      );
      let pred = new Set<string>();
      try {
        const r = await quoteProvenance(store, q, { vectors: loadVectors(), lexicon });
        pred = new Set(
          r.trails[0].wordings
            .flatMap((w) => w.appearances)
            .map((a) => idToPath.get(a.article.id)!)
            .filter((p) => p.startsWith('newspapers/')),
        );
      } catch {
        // A quote without content words: nothing predicted.
      }
      const exact = new Set(
        papers.filter((p) => paperWords.get(p.path)!.includes(` ${qw.join(' ')} `)).map((p) => p.path),
      );
      queries++;
      c.gold += gold.size;
      c.pred += pred.size;
      c.tp += [...pred].filter((p) => gold.has(p)).length;
      if (process.env.UNSPUN_EVAL_DEBUG)
        for (const p of pred) if (!gold.has(p)) process.stderr.write(`FP ${t.path} → ${p}: ${q.slice(0, 100)}\n`);
      c.bpred += exact.size;
      c.btp += [...exact].filter((p) => gold.has(p)).length;
    }
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const u = prf(c.tp, c.pred, c.gold);
  const b = prf(c.btp, c.bpred, c.gold);
  const note = `2000 folders: ${pa.length} PA files + ${papers.length} papers stored; ${queries} PA quotes (≥ ${MIN_WORDS} words) looked up; silver gold: the paper's text shares a ${RUN}-word run with the quote (${c.gold} pairs); Unspun: quoted and restated appearances; baseline: exact-string match of the whole quote`;
  const row = (metric: string, value: number, baseline: number): EvalRow => ({
    dataset: 'meter-courts',
    task: 'quote-clusters',
    metric,
    value,
    baseline,
    note,
  });
  return {
    rows: [row('cluster-precision', u.p, b.p), row('cluster-recall', u.r, b.r), row('cluster-F1', u.f, b.f)],
    detail: `METER quote clusters: Unspun P ${fmt(u.p)} R ${fmt(u.r)} F1 ${fmt(u.f)} (tp ${c.tp}, predicted ${c.pred}); exact-string P ${fmt(b.p)} R ${fmt(b.r)} F1 ${fmt(b.f)} (tp ${c.btp}, predicted ${c.bpred}); gold pairs ${c.gold}.`,
  };
}

interface Base {
  id: string;
  family: 'meter' | 'polnear';
  text: string;
}

function spinBases(dataDir: string): Base[] {
  const m = loadMeter(dataDir);
  const meter = m.paTexts
    .filter((t) => t.date.endsWith('.00') && attributedQuotes(t.text).length)
    .map((t) => ({ id: t.path, family: 'meter' as const, text: t.text }));
  const dir = join(dataDir, 'polnear/test/text');
  const polnear = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f, family: 'polnear' as const, text: readFileSync(join(dir, f), 'utf8').slice(0, 6000) }))
    .filter((b) => attributedQuotes(b.text).length);
  // Families must be independent for the gold to hold: a base quoting what an earlier base quotes (two outlets
  // quoting one statement) is left out.
  const seen = new Set<string>();
  const independent = (b: Base) => {
    const g = new Set(plainQuotes(b.text).flatMap((q) => [...grams(norm(q))]));
    if ([...g].some((x) => seen.has(x))) return false;
    for (const x of g) seen.add(x);
    return true;
  };
  const pick = (xs: Base[]) =>
    sample(xs, xs.length, (b) => b.id, 'quotes')
      .filter(independent)
      .slice(0, BASES);
  return [...pick(meter), ...pick(polnear)];
}

export async function spinSuite(ctx: EvalContext): Promise<{ rows: EvalRow[]; detail: string }> {
  const bases = spinBases(ctx.dataDir);
  const records: Array<Record<string, string>> = [];
  const cases: Array<{ base: number; kind: (typeof QUOTE_EDIT_KINDS)[number]; id: string; quote: string }> = [];
  const t0 = Date.UTC(2020, 0, 1);
  bases.forEach((b, i) => {
    records.push({ id: `base:${i}`, text: b.text, published: new Date(t0 + i * 60_000).toISOString() });
    QUOTE_EDIT_KINDS.forEach((kind, k) => {
      const e = applyQuoteEdit(kind, b.text, rng(`quotes:${b.id}:${kind}`), i * 10 + k);
      if (!e) return;
      const id = `copy:${i}:${kind}`;
      records.push({
        id,
        text: e.text,
        published: new Date(t0 + 86_400_000 * 30 + (i * 10 + k) * 60_000).toISOString(),
      });
      cases.push({ base: i, kind, id, quote: e.quote });
    });
  });
  const { store, dir } = await storeOf(records, 'spin');
  const metas = await store.list();
  const idOf = new Map(metas.map((a) => [a.article, a.id]));
  const family = (i: number) =>
    new Set(metas.filter((a) => a.article === `base:${i}` || a.article.startsWith(`copy:${i}:`)).map((a) => a.id));
  const texts = new Map(records.map((r) => [idOf.get(r.id)!, ` ${norm(r.text).join(' ')} `]));
  const published = new Map(records.map((r) => [idOf.get(r.id)!, r.published]));
  const lexicon = loadLexicon();
  const opts = { vectors: loadVectors(), lexicon, paraphrases: false };
  const cl = { tp: 0, pred: 0, gold: 0, btp: 0, bpred: 0 };
  const byKind = new Map<string, { n: number; ok: number; base: number }>();
  let fabricated = 0;
  let fabricatedFlagged = 0;
  for (const [n, c] of cases.entries()) {
    ctx.progress('quotes: spin', n, cases.length);
    const copy = idOf.get(c.id)!;
    const r = await quoteProvenance(store, c.quote, opts);
    const apps = r.trails[0].wordings.flatMap((w) => w.appearances);
    const gold = c.kind === 'fabricated' ? new Set([copy]) : family(c.base);
    const pred = new Set(apps.map((a) => a.article.id));
    cl.gold += gold.size;
    cl.pred += pred.size;
    cl.tp += [...pred].filter((x) => gold.has(x)).length;
    const qs = ` ${norm(c.quote).join(' ')} `;
    const exact = new Set([...texts].filter(([, t]) => t.includes(qs)).map(([id]) => id));
    cl.bpred += exact.size;
    cl.btp += [...exact].filter((x) => gold.has(x)).length;
    const mine = apps.find((a) => a.article.id === copy);
    const got = mine ? mine.mutations.filter((x) => MUTATIONS.has(x)) : ['(not found)'];
    const want = EXPECTED_MUTATION[c.kind];
    const ok = want === null ? got.length === 0 : got.length === 1 && got[0] === want;
    // Baseline: the exact quote in an earlier article → unchanged, else "new" (fabricated).
    const earlier = [...exact].some((x) => x !== copy && published.get(x)! < published.get(copy)!);
    const baseOk = want === null || want === 'possibly-fabricated' ? (want === null) === earlier : false;
    if (!ok && process.env.UNSPUN_EVAL_DEBUG)
      process.stderr.write(
        `${c.kind} got ${got.join(',')} | ${apps.map((a) => `${a.article.id}:${a.form}:${a.speaker?.key ?? '-'}:${a.mutations.join('+')}`).join(' ')} | copy ${copy} | ${c.quote.slice(0, 60)}\n`,
      );
    const k = byKind.get(c.kind) ?? { n: 0, ok: 0, base: 0 };
    k.n++;
    k.ok += ok ? 1 : 0;
    k.base += baseOk ? 1 : 0;
    byKind.set(c.kind, k);
    if (c.kind === 'fabricated') {
      fabricated++;
      if (got.includes('possibly-fabricated')) fabricatedFlagged++;
    }
  }
  // False flags: every other quote of every copy, looked up as `unspun quotes --article` does.
  let others = 0;
  let falseFlags = 0;
  let baseOthers = 0;
  let baseFalse = 0;
  const invented = new Set(cases.filter((c) => c.kind === 'fabricated').map((c) => norm(c.quote).join(' ')));
  for (const [n, c] of cases.entries()) {
    ctx.progress('quotes: spin flags', n, cases.length);
    const copy = idOf.get(c.id)!;
    const r = await articleQuotes(store, copy, opts);
    for (const t of r.trails) {
      if (invented.has(norm(t.query).join(' '))) continue;
      others++;
      if (t.earliest?.article.id === copy && t.earliest.mutations.includes('possibly-fabricated')) falseFlags++;
    }
    // The baseline flags every quoted passage of the copy whose exact words no earlier article holds.
    for (const q of plainQuotes(records.find((x) => x.id === c.id)!.text)) {
      if (invented.has(norm(q).join(' '))) continue;
      baseOthers++;
      const qs = ` ${norm(q).join(' ')} `;
      if (![...texts].some(([id, t]) => id !== copy && published.get(id)! < published.get(copy)! && t.includes(qs)))
        baseFalse++;
    }
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const u = prf(cl.tp, cl.pred, cl.gold);
  const b = prf(cl.btp, cl.bpred, cl.gold);
  const all = [...byKind.values()];
  const acc = all.reduce((s, k) => s + k.ok, 0) / Math.max(1, cases.length);
  const baseAcc = all.reduce((s, k) => s + k.base, 0) / Math.max(1, cases.length);
  const note = `${bases.length} bases (METER 2000 PA, PolNeAR test) × ${QUOTE_EDIT_KINDS.join('/')}: ${cases.length} cases; baseline: exact-string matching`;
  const row = (metric: string, value: number, baseline: number, extra = ''): EvalRow => ({
    dataset: 'spin-quotes',
    task: 'quote-provenance',
    metric,
    value,
    baseline,
    note: note + extra,
  });
  const kinds = [...byKind].map(([k, v]) => `| ${k} | ${v.n} | ${fmt(v.ok / v.n)} | ${fmt(v.base / v.n)} |`).join('\n');
  return {
    rows: [
      row('cluster-precision', u.p, b.p),
      row('cluster-recall', u.r, b.r),
      row('cluster-F1', u.f, b.f),
      row('mutation-type accuracy', acc, baseAcc),
      row('fabricated flagged', fabricatedFlagged / Math.max(1, fabricated), 1, ` (${fabricated} fabricated quotes)`),
      row(
        'false fabricated flags',
        falseFlags / Math.max(1, others),
        baseFlags(baseFalse, baseOthers),
        ` (${others} other quotes in the copies; baseline over ${baseOthers} regex quotes)`,
      ),
    ],
    detail: `Spin quote edits by kind (share with exactly the expected mutation on the edited copy):\n\n| edit | n | Unspun | exact-string |\n| --- | --- | --- | --- |\n${kinds}`,
  };
}

const baseFlags = (n: number, d: number) => n / Math.max(1, d);

export async function polnearSpeakers(ctx: EvalContext): Promise<{ rows: EvalRow[]; detail: string }> {
  const { dir, files, annOf } = polnearTest(ctx.dataDir);
  let n = 0;
  let ok = 0;
  let base = 0;
  for (const [i, f] of files.entries()) {
    ctx.progress('quotes: polnear', i, files.length);
    const ann = annOf(f);
    if (!ann) continue;
    const raw = readFileSync(join(dir, 'text', f), 'utf8');
    const gold = readAnn(readFileSync(join(dir, 'attributions', ann), 'utf8')).filter((g) => g.source && g.content);
    const a = analyze(extract(raw, { format: 'text' }));
    const at = offsetMap(raw, a.text);
    const rx = regexAttributions(raw);
    for (const q of quoteEntries(a)) {
      const span: [number, number] = [at(q.innerStart), at(q.innerEnd)];
      const g = gold.find((x) => x.content![0] <= span[0] + 2 && span[1] - 2 <= x.content![1]);
      if (!g) continue;
      n++;
      const src = raw.slice(g.source![0], g.source![1]).toLowerCase();
      const quote = a.quotes.find((x) => x.inner.start === q.innerStart);
      const mention = quote?.speaker?.mention;
      const last = (q.speakerName ?? '').toLowerCase().split(/\s+/).pop() ?? '';
      const overlaps = mention && at(mention.start) < g.source![1] && g.source![0] < at(mention.end);
      if (overlaps || (last.length > 2 && src.includes(last))) ok++;
      const r = rx.find((x) => x.content && x.content[0] < span[1] && span[0] < x.content[1] && x.source);
      if (r?.source && r.source[0] < g.source![1] && g.source![0] < r.source[1]) base++;
    }
  }
  return {
    rows: [
      {
        dataset: 'polnear',
        task: 'quote-speakers',
        metric: 'speaker accuracy',
        value: ok / Math.max(1, n),
        baseline: base / Math.max(1, n),
        note: `test split: ${n} indexed quotes inside a gold Content with a Source; baseline: said-verb regex source`,
      },
    ],
    detail: `PolNeAR quote speakers: ${ok}/${n} right (regex baseline ${base}/${n}).`,
  };
}

export const task: EvalTask = {
  name: 'quotes',
  description: 'quote index and provenance: METER clusters, spin-suite quote edits, PolNeAR speakers',
  async run(ctx) {
    const rows: EvalRow[] = [];
    for (const part of [meterClusters, spinSuite, polnearSpeakers]) {
      const out = await part(ctx);
      rows.push(...out.rows);
      ctx.detail(out.detail);
    }
    return rows;
  },
};
