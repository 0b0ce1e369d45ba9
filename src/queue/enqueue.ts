import { rawHash } from '../corpus/prepare.js';
import { readInputs } from '../corpus/readers/input-reader.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';
import { INGEST_QUEUE, jobId, openQueue, toJobData } from './queue.js';
import { jobCounts } from './status.js';

export interface EnqueueSummary {
  /** Records read from the inputs. */
  read: number;
  /** New jobs. */
  enqueued: number;
  /** Records whose job already exists (queued, running or done): enqueueing is idempotent. */
  alreadyQueued: number;
  failed: Array<{ source: string; reason: string }>;
  /** Job ids of every record read, for `--wait`. */
  jobIds: string[];
}

const INSERT_BATCH = 500;

/** `unspun add --queue`: one job per record, inserted 500 at a time; nothing is analysed here. */
export async function enqueuePaths(
  store: PostgresStore,
  inputs: string[],
  opts: { onProgress?: (s: EnqueueSummary) => void } = {},
): Promise<EnqueueSummary> {
  const { boss, schema } = await openQueue(store);
  const summary: EnqueueSummary = { read: 0, enqueued: 0, alreadyQueued: 0, failed: [], jobIds: [] };
  const batch: Array<{ id: string; name: string; data: object; singletonKey: string }> = [];
  const seen = new Set<string>();
  const flush = async () => {
    if (!batch.length) return;
    // Jobs keep their id while queued, done or archived: those ids are already there (insert would skip them anyway).
    const { rows } = await boss
      .getDb()
      .executeSql(
        `SELECT id FROM ${schema}.job WHERE name = $1 AND id = ANY($2::uuid[]) UNION SELECT id FROM ${schema}.archive WHERE name = $1 AND id = ANY($2::uuid[])`,
        [INGEST_QUEUE, batch.map((j) => j.id)],
      );
    const exists = new Set((rows as Array<{ id: string }>).map((r) => r.id));
    const fresh = batch.filter((j) => !exists.has(j.id));
    if (fresh.length) await boss.insert(fresh);
    const inserted = fresh.length;
    summary.enqueued += inserted;
    summary.alreadyQueued += batch.length - inserted;
    batch.length = 0;
    opts.onProgress?.({ ...summary });
  };
  try {
    for await (const item of readInputs(inputs)) {
      if ('failed' in item) {
        summary.failed.push(item.failed);
        continue;
      }
      summary.read++;
      const raw = rawHash(item.record.body);
      const id = jobId(raw);
      if (seen.has(id)) {
        summary.alreadyQueued++;
        continue;
      }
      seen.add(id);
      summary.jobIds.push(id);
      batch.push({ id, name: INGEST_QUEUE, data: toJobData(item.record, raw), singletonKey: raw });
      if (batch.length >= INSERT_BATCH) await flush();
    }
    await flush();
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  return summary;
}

export interface WaitProgress {
  total: number;
  done: number;
  failed: number;
  active: number;
}

/** `add --queue --wait`: polls the states of the given jobs until none is queued, retrying or running. */
export async function waitForJobs(
  store: PostgresStore,
  ids: string[],
  opts: { intervalMs?: number; onProgress?: (p: WaitProgress) => void } = {},
): Promise<WaitProgress> {
  const { boss, schema } = await openQueue(store);
  try {
    for (;;) {
      const c = await jobCounts(boss, schema, ids);
      const p = { total: ids.length, done: c.completed, failed: c.failed + c.cancelled, active: c.active };
      opts.onProgress?.(p);
      if (p.done + p.failed >= ids.length) return p;
      await new Promise((r) => setTimeout(r, opts.intervalMs ?? 1000));
    }
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
}
