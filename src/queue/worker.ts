import { toNewArticle, identityOf } from '../corpus/add.js';
import { createAnalyzePool } from '../corpus/analyze-pool.js';
import { loadVectors } from '../align/vectors.js';
import { claimVectorKind } from '../corpus/doc-vector.js';
import type { Prepared } from '../corpus/prepare.js';
import type { NewArticle } from '../store/store.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';
import { fromJobData, INGEST_QUEUE, openQueue, type JobData } from './queue.js';

export interface WorkerOptions {
  /** Analysis threads in this process (default 1: run one worker process per core). */
  concurrency?: number;
  /** Jobs fetched at once (pg-boss batch fetch; ≥ 50 keeps the queue's per-fetch cost small). */
  batchSize?: number;
  /** Stop when the queue is empty instead of waiting for more (tests, bench, one-shot runs). */
  untilEmpty?: boolean;
  /** Idle wait between empty fetches. */
  pollMs?: number;
  signal?: AbortSignal;
  onFetch?: (jobs: number) => void;
  onBatch?: (b: BatchResult) => void;
}

export interface BatchResult {
  jobs: number;
  stored: number;
  duplicates: number;
  failed: number;
}

export interface WorkerSummary extends BatchResult {
  batches: number;
}

/**
 * `unspun worker`: fetch a batch of ingest jobs, analyse them on `concurrency` threads, store the new texts in one
 * transaction, then complete the batch (a failed record fails only its own job, which pg-boss retries with backoff
 * and finally dead-letters). A worker killed mid-batch leaves its jobs active; they expire and run again elsewhere,
 * and the store's unique content hash keeps a job that had already committed from adding anything twice.
 */
export async function runWorker(store: PostgresStore, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const batchSize = Math.max(1, opts.batchSize ?? 50);
  await claimVectorKind(store);
  const { boss } = await openQueue(store, { supervise: true });
  const pool = createAnalyzePool(concurrency, loadVectors());
  const total: WorkerSummary = { batches: 0, jobs: 0, stored: 0, duplicates: 0, failed: 0 };
  let lastExpire = 0;
  try {
    while (!opts.signal?.aborted) {
      // Jobs of dead workers come back without waiting for pg-boss's maintenance round.
      if (Date.now() - lastExpire > 5000) {
        lastExpire = Date.now();
        await boss.expire();
      }
      const jobs = await boss.fetch<JobData>(INGEST_QUEUE, { batchSize });
      if (!jobs.length) {
        // Queued, retrying (backoff) or running elsewhere (maybe on a dead worker, to expire): not empty yet.
        if (opts.untilEmpty && (await boss.getQueueSize(INGEST_QUEUE, { before: 'completed' })) === 0) break;
        await sleep(opts.pollMs ?? 1000, opts.signal);
        continue;
      }
      opts.onFetch?.(jobs.length);
      const b = await runBatch(store, boss, pool, jobs);
      total.batches++;
      total.jobs += b.jobs;
      total.stored += b.stored;
      total.duplicates += b.duplicates;
      total.failed += b.failed;
      opts.onBatch?.(b);
    }
  } finally {
    await pool.close();
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  return total;
}

async function runBatch(
  store: PostgresStore,
  boss: Awaited<ReturnType<typeof openQueue>>['boss'],
  pool: ReturnType<typeof createAnalyzePool>,
  jobs: Array<{ id: string; data: JobData }>,
): Promise<BatchResult> {
  const result: BatchResult = { jobs: jobs.length, stored: 0, duplicates: 0, failed: 0 };
  const failures: Array<{ id: string; message: string }> = [];
  const rows: NewArticle[] = [];
  const versions = new Map<string, number>();
  const hashes = new Set<string>();
  const prepared = await Promise.all(
    jobs.map(async (job) => {
      const record = fromJobData(job.data);
      // Resume is cheap: a record stored before (by any worker) is not analysed again.
      if (await store.findByRawHash(job.data.raw)) return null;
      return {
        job,
        record,
        p: await pool.run(record).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
      };
    }),
  );
  for (const x of prepared) {
    if (!x) {
      result.duplicates++;
      continue;
    }
    const { job, record, p } = x;
    if (p instanceof Error) {
      failures.push({ id: job.id, message: `${record.source}: ${p.message}` });
      continue;
    }
    if (hashes.has(p.hash) || (await store.findByHash(p.hash))) {
      result.duplicates++;
      continue;
    }
    hashes.add(p.hash);
    const article = identityOf(record, p as Prepared);
    const last = versions.get(article) ?? (await store.latestVersion(article))?.version ?? 0;
    versions.set(article, last + 1);
    rows.push(toNewArticle(record, job.data.raw, p, await store.lemmaDf(p.fp.lemmas), last + 1));
  }
  const stored = await store.insertBatch(rows);
  result.stored = stored.length;
  result.duplicates += rows.length - stored.length;
  result.failed = failures.length;
  for (const f of failures) await boss.fail(INGEST_QUEUE, f.id, { message: f.message });
  const failedIds = new Set(failures.map((f) => f.id));
  const ok = jobs.filter((j) => !failedIds.has(j.id)).map((j) => j.id);
  if (ok.length) await boss.complete(INGEST_QUEUE, ok);
  return result;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
