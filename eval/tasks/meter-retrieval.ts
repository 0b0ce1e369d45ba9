/**
 * METER courts retrieval: given a newspaper story, is its PA source found among all indexed texts?
 * (i) index = every PA file; relevant = the PA files of the story's own DATE/STORY folder: recall@1, @5, MRR.
 * (ii) index = every PA file and every newspaper story; the query story itself is excluded; we count how often
 *      the top candidate is a PA file of its folder (the origin) rather than a sibling newspaper copy.
 * Queries: wholly and partially derived stories of the 2000 folders. Folders are gold labels only, never features.
 */
import { loadMeter, type MeterStory } from '../meter.js';
import { meanReciprocalRank, recallAtK } from '../metrics.js';
import { bm25Retriever, unspunRetriever, type Retriever } from '../retrievers.js';
import type { EvalContext, EvalRow, EvalTask } from '../types.js';

const DATASET = 'meter-courts';
const folder = (t: { date: string; story: string }): string => `${t.date}/${t.story}`;

interface Measured {
  r1: number;
  r5: number;
  mrr: number;
  origin: number;
  sibling: number;
}

async function measure(make: () => Retriever, ctx: EvalContext, queries: MeterStory[]): Promise<Measured> {
  const corpus = loadMeter(ctx.dataDir);
  const folderOf = new Map<string, string>([...corpus.paTexts, ...corpus.paperTexts].map((t) => [t.path, folder(t)]));
  const total = 2 * queries.length;

  const paOnly = make();
  await paOnly.index(corpus.paTexts.map((t) => ({ id: t.path, text: t.text })));
  const ranked: string[][] = [];
  for (const [i, q] of queries.entries()) {
    ctx.progress('meter-retrieval', i, total);
    ranked.push((await paOnly.retrieve(q.derivedText, 10)).map((h) => h.id));
  }
  paOnly.close();
  const relevant = queries.map(
    (q) => new Set(corpus.paTexts.filter((t) => folder(t) === folder(q)).map((t) => t.path)),
  );

  const mixed = make();
  await mixed.index([...corpus.paTexts, ...corpus.paperTexts].map((t) => ({ id: t.path, text: t.text })));
  let origin = 0;
  let sibling = 0;
  for (const [i, q] of queries.entries()) {
    ctx.progress('meter-retrieval', queries.length + i, total);
    const top = (await mixed.retrieve(q.derivedText, 2)).find((h) => h.id !== q.path);
    if (!top || folderOf.get(top.id) !== folder(q)) continue;
    if (top.id.startsWith('PA/')) origin++;
    else sibling++;
  }
  mixed.close();
  return {
    r1: recallAtK(ranked, relevant, 1),
    r5: recallAtK(ranked, relevant, 5),
    mrr: meanReciprocalRank(ranked, relevant),
    origin: origin / queries.length,
    sibling: sibling / queries.length,
  };
}

async function run(ctx: EvalContext): Promise<EvalRow[]> {
  const queries = loadMeter(ctx.dataDir).stories.filter((s) => s.split === 'test' && s.label !== 'non');
  const base = await measure(bm25Retriever, ctx, queries);
  const { make, reason } = await unspunRetriever();
  const ours = make ? await measure(make, ctx, queries) : null;
  const note = `${queries.length} derived 2000 stories; baseline: SQLite FTS5 BM25 on ingest-cleaned text`;
  const skip = ours ? '' : `; Unspun skipped: ${reason}`;
  ctx.detail(
    `Top candidate with PA and newspaper texts indexed (baseline): PA origin ${(100 * base.origin).toFixed(1)}%, ` +
      `sibling newspaper copy of the same story ${(100 * base.sibling).toFixed(1)}%, other ${(100 * (1 - base.origin - base.sibling)).toFixed(1)}%.`,
  );
  const row = (metric: string, pick: (m: Measured) => number, extra = ''): EvalRow => ({
    dataset: DATASET,
    task: 'meter-retrieval',
    metric,
    value: ours ? pick(ours) : null,
    baseline: pick(base),
    ...(extra ? { note: extra } : {}),
  });
  return [
    row(
      'PA-only index: recall@1',
      (m) => m.r1,
      `index: ${loadMeter(ctx.dataDir).paTexts.length} PA files; ${note}${skip}`,
    ),
    row('PA-only index: recall@5', (m) => m.r5),
    row('PA-only index: MRR', (m) => m.mrr),
    row(
      'PA+newspapers index: top-1 is PA origin',
      (m) => m.origin,
      'query excluded; the rest is sibling copies or other stories (see detail)',
    ),
  ];
}

export const task: EvalTask = {
  name: 'meter-retrieval',
  description:
    'METER courts: find the PA source of a newspaper story among all indexed texts (BM25 baseline; Unspun trace when available)',
  run,
};
