import type PgBoss from 'pg-boss';
import type { PostgresStore } from '../store/postgres/postgres-store.js';
import { DEAD_QUEUE, INGEST_QUEUE, openQueue } from './queue.js';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
export type StateCounts = Record<JobState, number>;

const zero = (): StateCounts => ({ created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 });

/** Job counts by state (live and archived jobs), for one queue or for the given job ids. */
export async function jobCounts(
  boss: PgBoss,
  schema: string,
  ids?: string[],
  queue = INGEST_QUEUE,
): Promise<StateCounts> {
  const where = ids ? 'name = $1 AND id = ANY($2::uuid[])' : 'name = $1';
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT state, count(*)::int AS n FROM (SELECT state FROM ${schema}.job WHERE ${where} UNION ALL SELECT state FROM ${schema}.archive WHERE ${where}) s GROUP BY state`,
      ids ? [queue, ids] : [queue],
    );
  const out = zero();
  for (const r of rows as Array<{ state: JobState; n: number }>) out[r.state] = r.n;
  return out;
}

export interface JobsReport {
  schema: 'unspun.jobs/1';
  queue: string;
  counts: StateCounts;
  /** Jobs that exhausted their retries (copied to the dead-letter queue), newest first. */
  deadLetters: number;
  failures: Array<{ id: string; source: string | null; retries: number; error: string; at: string }>;
  /** Articles in the store now. */
  articles: number;
}

/** `unspun jobs`: progress and failures of the ingest queue. */
export async function jobsReport(store: PostgresStore, opts: { failures?: number } = {}): Promise<JobsReport> {
  const { boss, schema } = await openQueue(store);
  try {
    const counts = await jobCounts(boss, schema);
    const dead = await jobCounts(boss, schema, undefined, DEAD_QUEUE);
    const { rows } = await boss.getDb().executeSql(
      `SELECT id, data->'record'->>'source' AS source, retry_count AS retries, coalesce(output->>'message', output->'value'->>'message') AS error, completed_on AS at
       FROM (SELECT id, data, retry_count, output, completed_on, state, name FROM ${schema}.job
             UNION ALL SELECT id, data, retry_count, output, completed_on, state, name FROM ${schema}.archive) j
       WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
      [INGEST_QUEUE, opts.failures ?? 20],
    );
    return {
      schema: 'unspun.jobs/1',
      queue: INGEST_QUEUE,
      counts,
      deadLetters: Object.values(dead).reduce((s, n) => s + n, 0),
      failures: (
        rows as Array<{ id: string; source: string | null; retries: number; error: string | null; at: Date | null }>
      ).map((r) => ({
        id: r.id,
        source: r.source,
        retries: r.retries,
        error: r.error ?? 'unknown error',
        at: r.at ? new Date(r.at).toISOString() : '',
      })),
      articles: await store.count(),
    };
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
}
