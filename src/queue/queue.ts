import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { InputError } from '../errors.js';
import type { RawRecord } from '../corpus/readers/record.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import type { Store } from '../store/store.js';

/**
 * The ingest queue: pg-boss (jobs in the same PostgreSQL, schema `<store schema>_jobs`). One job per input record;
 * its id is derived from the record's bytes, so enqueueing the same input twice adds nothing. Workers on any number
 * of machines fetch jobs in batches, analyse them and store the results; the store's unique content hash makes a
 * job that runs twice (a worker killed after its commit) harmless.
 */
export const INGEST_QUEUE = 'unspun-ingest';
/** Jobs that failed `retryLimit` + 1 times land here, with the last error, for `unspun jobs`. */
export const DEAD_QUEUE = 'unspun-ingest-dead';

/**
 * Retries with exponential backoff (about 2 s, 4 s, 8 s) before a job is dead-lettered; set when the queue is
 * created (first use). UNSPUN_JOB_RETRY_DELAY_SECONDS changes the first delay (the tests use 1).
 */
export function retryPolicy(env: NodeJS.ProcessEnv = process.env): {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
} {
  const d = Number(env.UNSPUN_JOB_RETRY_DELAY_SECONDS);
  return { retryLimit: 3, retryDelay: Number.isFinite(d) && d >= 1 ? d : 2, retryBackoff: true };
}
/**
 * An active job whose worker died (kill -9, lost machine) is failed and retried after this long; a batch of 50
 * takes a few seconds, so 2 minutes is generous. UNSPUN_JOB_EXPIRE_SECONDS overrides it (the kill test uses 3).
 */
export function expireSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.UNSPUN_JOB_EXPIRE_SECONDS);
  return Number.isFinite(v) && v >= 1 ? v : 120;
}

/** A record as job data (JSON): bytes travel base64-encoded. */
export interface JobData {
  record: Omit<RawRecord, 'body' | 'analysis'> & { body: string; base64?: true; analysis?: string };
  raw: string;
}

export function toJobData(record: RawRecord, raw: string): JobData {
  const { body, analysis, ...rest } = record;
  const a = analysis ? { analysis: Buffer.from(analysis).toString('base64') } : {};
  return typeof body === 'string'
    ? { record: { ...rest, ...a, body }, raw }
    : { record: { ...rest, ...a, body: Buffer.from(body).toString('base64'), base64: true }, raw };
}

export function fromJobData(d: JobData): RawRecord {
  const { base64, body, analysis, ...rest } = d.record;
  return {
    ...rest,
    body: base64 ? new Uint8Array(Buffer.from(body, 'base64')) : body,
    ...(analysis ? { analysis: new Uint8Array(Buffer.from(analysis, 'base64')) } : {}),
  };
}

/** A UUID (version-5 layout) from the record's raw hash: the same input is the same job. */
export function jobId(raw: string): string {
  const h = createHash('sha1').update(`${INGEST_QUEUE}:${raw}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export function requirePostgres(store: Store, what: string): PostgresStore {
  if (!(store instanceof PostgresStore)) {
    throw new InputError(
      `${what} needs a PostgreSQL store (--db postgres://… or UNSPUN_DB); ${store.capabilities.location} is ${store.backend}`,
    );
  }
  return store;
}

export interface OpenQueueOptions {
  /** Run pg-boss maintenance (archiving, expiry) in this process: workers yes, one-shot producers no. */
  supervise?: boolean;
}

/** Starts pg-boss beside the store (creating its schema and the two queues on first use). */
export async function openQueue(
  store: PostgresStore,
  opts: OpenQueueOptions = {},
): Promise<{ boss: PgBoss; schema: string }> {
  const schema = `${store.target.schema}_jobs`;
  const boss = new PgBoss({
    connectionString: store.target.connectionString,
    schema,
    max: 4,
    application_name: 'unspun-queue',
    supervise: opts.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: 30,
  });
  // pg-boss reports background errors as events; a lost connection must not kill the process.
  boss.on('error', (e) => process.stderr.write(`unspun: queue: ${e.message}\n`));
  await boss.start();
  if (!(await boss.getQueue(DEAD_QUEUE))) await boss.createQueue(DEAD_QUEUE).catch(ignoreExists);
  if (!(await boss.getQueue(INGEST_QUEUE))) {
    await boss
      .createQueue(INGEST_QUEUE, {
        name: INGEST_QUEUE,
        ...retryPolicy(),
        expireInSeconds: expireSeconds(),
        deadLetter: DEAD_QUEUE,
      })
      .catch(ignoreExists);
  }
  return { boss, schema };
}

/** Two processes creating the queue at once: the loser's "already exists" is fine. */
function ignoreExists(e: Error): void {
  if (!/already exists|duplicate key/i.test(e.message)) throw e;
}
