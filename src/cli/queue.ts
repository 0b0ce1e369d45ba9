import type { Command } from 'commander';
import { InputError } from '../errors.js';
import type { EnqueueSummary, JobsReport, WaitProgress } from '../queue/index.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';

import type { Store } from '../store/index.js';

/** Loaded on use: pg, pg-boss, better-sqlite3 and cli-progress stay out of every other command's start-up. */
const queue = () => import('../queue/index.js');
const stores = () => import('../store/index.js');

const dbHelp = 'PostgreSQL store: postgres://user@host/db (default: $UNSPUN_DB)';

async function withServerStore<T>(
  db: string | undefined,
  what: string,
  fn: (store: PostgresStore) => Promise<T>,
): Promise<T> {
  const { openStore, resolveDbPath } = await stores();
  const store: Store = await openStore(resolveDbPath(db));
  try {
    return await fn((await queue()).requirePostgres(store, what));
  } finally {
    await store.close();
  }
}

function positive(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${flag} must be a positive whole number, not "${v}"`);
  return n;
}

/** `add --queue [--wait]`: enqueue one job per record; with --wait, a progress bar until the workers are done. */
export async function addQueued(
  db: string | undefined,
  inputs: string[],
  opts: { wait?: boolean; json?: boolean },
): Promise<EnqueueSummary & { wait?: WaitProgress }> {
  return withServerStore(db, 'add --queue', async (store) => {
    const { enqueuePaths, waitForJobs } = await queue();
    const summary = await enqueuePaths(store, inputs);
    process.stderr.write(
      `unspun: queued ${summary.enqueued} new job(s), ${summary.alreadyQueued} already queued or done, ${summary.failed.length} unreadable\n`,
    );
    if (!opts.wait) return summary;
    const bar = await waitBar();
    try {
      return { ...summary, wait: await waitForJobs(store, summary.jobIds, { onProgress: (p) => bar.update(p) }) };
    } finally {
      bar.stop();
    }
  });
}

async function waitBar(): Promise<{ update(p: WaitProgress): void; stop(): void }> {
  if (process.stderr.isTTY) {
    const { default: cliProgress } = await import('cli-progress');
    const bar = new cliProgress.SingleBar(
      {
        format: 'workers |{bar}| {value}/{total} done · {failed} failed · {active} running · {eta_formatted}',
        stream: process.stderr,
        etaBuffer: 30,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.total, 0, { failed: 0, active: 0 });
        started = true;
        bar.update(p.done + p.failed, { failed: p.failed, active: p.active });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      if (Date.now() - last < 5000 && p.done + p.failed < p.total) return;
      last = Date.now();
      process.stderr.write(
        `unspun: ${p.done + p.failed}/${p.total} jobs done (${p.failed} failed, ${p.active} running)\n`,
      );
    },
    stop() {},
  };
}

/** Server commands: migrate, worker, jobs, index. */
export function registerQueueCommands(program: Command): void {
  program
    .command('migrate')
    .description('create or upgrade the corpus schema (SQLite or PostgreSQL); safe to run from many machines at once')
    .option('--db <url>', 'corpus: a SQLite file path or postgres://user@host/db (default: $UNSPUN_DB or ./unspun.db)')
    .option('--json', 'JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { openStore, resolveDbPath } = await stores();
      const store = await openStore(resolveDbPath(opts.db));
      try {
        // Opening applies pending migrations; a second call reports what (if anything) was still pending.
        const pending = 'migrate' in store ? await (store as { migrate(): Promise<number[]> }).migrate() : [];
        const out = {
          schema: 'unspun.migrate/1',
          backend: store.backend,
          location: store.capabilities.location,
          applied: pending,
          articles: await store.count(),
        };
        process.stdout.write(
          opts.json
            ? JSON.stringify(out, null, 2) + '\n'
            : `${store.backend} store ${out.location}: schema up to date, ${out.articles} articles\n`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('worker')
    .description(
      'analyse and index queued articles (from "add --queue"); run one per core, on as many machines as you like',
    )
    .option('--db <url>', dbHelp)
    .option('--concurrency <n>', 'analysis threads in this process', '1')
    .option('--batch-size <n>', 'jobs fetched at once', '50')
    .option('--until-empty', 'exit when the queue is empty instead of waiting for more')
    .option('--json', 'print a JSON summary on exit')
    .addHelpText(
      'after',
      '\nStops cleanly on SIGINT/SIGTERM (the current batch finishes). Jobs of a killed worker are retried after they expire\n($UNSPUN_JOB_EXPIRE_SECONDS, default 120); failed records are retried 3 times with backoff, then dead-lettered (see "unspun jobs").\n\nExample:\n  UNSPUN_DB=postgres://unspun@db.internal/news unspun worker --concurrency 2',
    )
    .action(
      async (opts: { db?: string; concurrency: string; batchSize: string; untilEmpty?: boolean; json?: boolean }) => {
        const concurrency = positive(opts.concurrency, '--concurrency');
        const batchSize = positive(opts.batchSize, '--batch-size');
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          const { runWorker } = await queue();
          const summary = await withServerStore(opts.db, 'worker', (store) =>
            runWorker(store, {
              concurrency,
              batchSize,
              untilEmpty: opts.untilEmpty,
              signal: stop.signal,
              onFetch: (n) => {
                if (!opts.json) process.stderr.write(`unspun: worker ${process.pid}: fetched ${n} jobs\n`);
              },
              onBatch: (b) => {
                if (!opts.json)
                  process.stderr.write(
                    `unspun: worker ${process.pid}: ${b.jobs} jobs, ${b.stored} stored, ${b.duplicates} duplicates, ${b.failed} failed\n`,
                  );
              },
            }),
          );
          if (opts.json)
            process.stdout.write(JSON.stringify({ schema: 'unspun.worker/1', ...summary }, null, 2) + '\n');
          else
            process.stdout.write(
              `worker ${process.pid}: ${summary.jobs} jobs in ${summary.batches} batches: ${summary.stored} stored, ${summary.duplicates} duplicates, ${summary.failed} failed\n`,
            );
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      },
    );

  program
    .command('jobs')
    .description('progress and failures of the ingest queue')
    .option('--db <url>', dbHelp)
    .option('--failures <n>', 'how many recent failures to list', '20')
    .option('--json', 'JSON (schema unspun.jobs/1)')
    .action(async (opts: { db?: string; failures: string; json?: boolean }) => {
      const { jobsReport } = await queue();
      const report = await withServerStore(opts.db, 'jobs', (store) =>
        jobsReport(store, { failures: positive(opts.failures, '--failures') }),
      );
      process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : jobsToText(report));
    });

  program
    .command('index')
    .description('build optional indexes after a bulk load (PostgreSQL)')
    .option('--db <url>', dbHelp)
    .option('--hnsw', 'an HNSW index over document vectors (approximate nearest neighbours; build after bulk load)')
    .option('--json', 'JSON')
    .action(async (opts: { db?: string; hnsw?: boolean; json?: boolean }) => {
      if (!opts.hnsw) throw new InputError('say which index to build: --hnsw');
      const r = await withServerStore(opts.db, 'index --hnsw', (store) => store.buildHnsw());
      process.stdout.write(
        opts.json
          ? JSON.stringify({ schema: 'unspun.index/1', hnsw: r }, null, 2) + '\n'
          : `built HNSW index over ${r.dim}-dimension vectors in ${r.seconds.toFixed(1)} s\n`,
      );
    });
}

export function jobsToText(r: JobsReport): string {
  const c = r.counts;
  const total = Object.values(c).reduce((s, n) => s + n, 0);
  const out = [
    `queue ${r.queue}: ${total} jobs — ${c.completed} done, ${c.created} queued, ${c.retry} retrying, ${c.active} running, ${c.failed} failed${c.cancelled ? `, ${c.cancelled} cancelled` : ''}`,
    `dead-letter queue: ${r.deadLetters} job(s); store: ${r.articles} articles`,
  ];
  for (const f of r.failures) out.push(`  failed ${f.at} ${f.source ?? f.id} (${f.retries} retries): ${f.error}`);
  return out.join('\n') + '\n';
}
