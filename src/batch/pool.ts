import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../lexicons.js';

/** Jobs run on worker threads (both cores), or in-process when size is 0 or a worker fails to start. */
export interface WorkerPool<I, O> {
  run(input: I): Promise<O>;
  readonly size: number;
  close(): Promise<void>;
}

/**
 * The worker entry for a module under src/: the compiled `dist/src/<path>.js` (`npm run build`), also when the
 * caller runs from .ts sources under tsx or vitest — a tsx worker spends ~1 s compiling the kernel before its
 * first job. Without a build, the .ts source through the tsx loader.
 */
function entry(srcPath: string, callerUrl: string): { url: URL; tsx: boolean } {
  const compiled = join(packageRoot, 'dist', 'src', srcPath + '.js');
  if (!callerUrl.endsWith('.ts') || existsSync(compiled)) return { url: pathToFileURL(compiled), tsx: false };
  return { url: pathToFileURL(join(packageRoot, 'src', srcPath + '.ts')), tsx: true };
}

/**
 * Old-generation cap per worker. One job needs a few MB, but V8 sizes a worker's heap from the machine's memory and
 * collects lazily, so without a cap each worker's RSS creeps up over a long ingest (the scale bench grew 390 → 750 MB
 * over 3,500 articles). A worker that hits the cap dies and the pool carries on in-process.
 */
const WORKER_HEAP_MB = 256;

/** Thrown (as the job's rejection) when a job overran the pool's time budget and its worker was replaced. */
export class JobTimeout extends Error {}

export interface PoolOptions {
  /** Old-generation cap per worker (WORKER_HEAP_MB). */
  heapMb?: number;
  /**
   * Time budget per job on a worker: an overrunning job rejects with JobTimeout and its worker is terminated and
   * replaced, so one hostile document cannot stall a batch. Not enforced in-process (size 0): nothing can interrupt
   * synchronous work on the main thread.
   */
  timeoutMs?: number;
}

/**
 * A pool of `size` workers running `srcPath` (relative to src/, no extension; the worker answers each
 * `{ id, input }` with `{ id, output }` or `{ id, error }`). `local` is the same job in-process: used when size
 * is 0 and after a worker fails. Each worker runs one job at a time (the rest wait in the pool's queue), so a
 * job's clock starts when it starts.
 */
export function createWorkerPool<I, O>(
  srcPath: string,
  size: number,
  local: (input: I) => Promise<O>,
  opts: PoolOptions = {},
): WorkerPool<I, O> {
  if (size <= 0) return { size: 0, run: local, close: async () => {} };
  const { url, tsx } = entry(srcPath, import.meta.url);
  const heapMb = opts.heapMb ?? WORKER_HEAP_MB;
  interface Job {
    id: number;
    input: I;
    resolve: (o: O) => void;
    reject: (e: Error) => void;
  }
  const workers: Array<Worker | null> = [];
  // A worker takes jobs once it says it is ready (vectors loaded): start-up must not count against a job's budget.
  const ready: boolean[] = [];
  const busy: Array<{ job: Job; timer: NodeJS.Timeout | null } | null> = [];
  const queue: Job[] = [];
  let next = 0;
  let broken: Error | null = null;
  let closed = false;

  const spawn = (i: number) => {
    // A loader given by --import does not reach a worker's entry module; register tsx from inside instead.
    const w = tsx
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`, {
          eval: true,
          resourceLimits: { maxOldGenerationSizeMb: heapMb },
        })
      : new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    w.unref();
    w.on('message', (m: { id: number; output?: O; error?: string; ready?: boolean }) => {
      if (m.ready) {
        if (workers[i] === w) ready[i] = true;
        dispatch();
        return;
      }
      const current = busy[i];
      if (workers[i] !== w || !current || current.job.id !== m.id) return;
      finish(i);
      if (m.error === undefined) current.job.resolve(m.output as O);
      else current.job.reject(new Error(m.error || 'worker job failed'));
      dispatch();
    });
    w.on('error', (e) => {
      if (workers[i] !== w) return;
      // A worker that fails (out of heap, a crash) is not replaced: the pool carries on in-process.
      broken = e;
      const current = busy[i];
      finish(i);
      workers[i] = null;
      current?.job.reject(e);
      dispatch();
    });
    workers[i] = w;
    ready[i] = false;
    busy[i] = null;
  };

  const finish = (i: number) => {
    const current = busy[i];
    if (current?.timer) clearTimeout(current.timer);
    busy[i] = null;
  };

  const overrun = (i: number, job: Job) => {
    const w = workers[i];
    if (!w || busy[i]?.job !== job) return;
    finish(i);
    workers[i] = null;
    void w.terminate();
    job.reject(new JobTimeout(`took longer than ${opts.timeoutMs} ms`));
    if (!closed) spawn(i);
    dispatch();
  };

  const dispatch = () => {
    for (let i = 0; i < workers.length && queue.length; i++) {
      const w = workers[i];
      if (!w || !ready[i] || busy[i]) continue;
      const job = queue.shift()!;
      const timer = opts.timeoutMs ? setTimeout(() => overrun(i, job), opts.timeoutMs) : null;
      busy[i] = { job, timer };
      w.postMessage({ id: job.id, input: job.input });
    }
    // No worker left (all failed): what waits runs in-process.
    if (workers.every((w) => !w)) for (const job of queue.splice(0)) local(job.input).then(job.resolve, job.reject);
  };

  for (let i = 0; i < size; i++) spawn(i);
  return {
    size,
    run(input) {
      if (broken && workers.every((w) => !w)) return local(input);
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: next++, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (let i = 0; i < workers.length; i++) finish(i);
      await Promise.all(workers.map((w) => w?.terminate()));
    },
  };
}

/** The worker side: answers each `{ id, input }` message with `job(input)`. */
export function serveJobs<I, O>(
  port: { on(ev: 'message', fn: (m: { id: number; input: I }) => void): void; postMessage(m: unknown): void },
  job: (input: I) => Promise<O> | O,
): void {
  port.on('message', async (m) => {
    try {
      port.postMessage({ id: m.id, output: await job(m.input) });
    } catch (e) {
      port.postMessage({ id: m.id, error: (e as Error)?.message ?? String(e) });
    }
  });
  port.postMessage({ ready: true });
}
