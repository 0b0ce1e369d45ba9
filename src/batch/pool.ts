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
const WORKER_HEAP_MB = 192;

/** Jobs posted to a worker at once: the running one and the next (see `assigned`). */
const PREFETCH = 2;

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
 * is 0 and after a worker fails. Each worker runs one job at a time with the next one posted behind it (the rest
 * wait in the pool's queue); a job's clock starts when it starts.
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
  const ready: boolean[] = [];
  // The jobs posted to each worker, the running one first. A worker holds up to PREFETCH jobs, so when it finishes
  // one the next is already in its message queue: it does not wait for the main thread, which may be busy storing
  // a batch (the ingest profile showed the workers idle 21% of the time with one job each).
  const assigned: Job[][] = [];
  const timers: Array<NodeJS.Timeout | null> = [];
  const queue: Job[] = [];
  let next = 0;
  let broken: Error | null = null;
  let closed = false;

  const spawn = (i: number) => {
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
      const head = assigned[i][0];
      if (workers[i] !== w || !head || head.id !== m.id) return;
      assigned[i].shift();
      startClock(i);
      if (m.error === undefined) head.resolve(m.output as O);
      else head.reject(new Error(m.error || 'worker job failed'));
      dispatch();
    });
    w.on('error', (e) => {
      if (workers[i] !== w) return;
      broken = e;
      const [head, ...waiting] = release(i);
      workers[i] = null;
      head?.reject(e);
      queue.unshift(...waiting);
      dispatch();
    });
    workers[i] = w;
    ready[i] = false;
    assigned[i] = [];
    timers[i] = null;
  };

  /**
   * The running job's clock. A prefetched job's starts when the one before it ends (as the main thread learns it),
   * so a job never gets less than its budget.
   */
  const startClock = (i: number) => {
    if (timers[i]) clearTimeout(timers[i]!);
    timers[i] = null;
    const head = assigned[i][0];
    if (head && opts.timeoutMs) timers[i] = setTimeout(() => overrun(i, head), opts.timeoutMs);
  };

  /** Takes a worker's jobs back (running first) and stops its clock. */
  const release = (i: number): Job[] => {
    if (timers[i]) clearTimeout(timers[i]!);
    timers[i] = null;
    const jobs = assigned[i] ?? [];
    assigned[i] = [];
    return jobs;
  };

  const overrun = (i: number, job: Job) => {
    const w = workers[i];
    if (!w || assigned[i][0] !== job) return;
    const [, ...waiting] = release(i);
    workers[i] = null;
    void w.terminate();
    job.reject(new JobTimeout(`took longer than ${opts.timeoutMs} ms`));
    // The jobs queued behind it never started: they run next, on another worker or this one's replacement.
    queue.unshift(...waiting);
    if (!closed) spawn(i);
    dispatch();
  };

  const dispatch = () => {
    for (let depth = 1; depth <= PREFETCH; depth++)
      for (let i = 0; i < workers.length && queue.length; i++) {
        const w = workers[i];
        if (!w || !ready[i] || assigned[i].length >= depth) continue;
        const job = queue.shift()!;
        assigned[i].push(job);
        if (assigned[i].length === 1) startClock(i);
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
      for (let i = 0; i < workers.length; i++) if (timers[i]) clearTimeout(timers[i]!);
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
