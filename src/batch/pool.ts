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

/**
 * A pool of `size` workers running `srcPath` (relative to src/, no extension; the worker answers each
 * `{ id, input }` with `{ id, output }` or `{ id, error }`). `local` is the same job in-process: used when size
 * is 0 and after a worker dies. Jobs go to the least-loaded worker.
 */
export function createWorkerPool<I, O>(
  srcPath: string,
  size: number,
  local: (input: I) => Promise<O>,
  heapMb = WORKER_HEAP_MB,
): WorkerPool<I, O> {
  if (size <= 0) return { size: 0, run: local, close: async () => {} };
  const { url, tsx } = entry(srcPath, import.meta.url);
  const workers: Worker[] = [];
  const load: number[] = [];
  const pending = new Map<number, { resolve: (o: O) => void; reject: (e: Error) => void; worker: number }>();
  let next = 0;
  let broken: Error | null = null;
  for (let i = 0; i < size; i++) {
    // A loader given by --import does not reach a worker's entry module; register tsx from inside instead.
    const w = tsx
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`, {
          eval: true,
          resourceLimits: { maxOldGenerationSizeMb: heapMb },
        })
      : new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    w.unref();
    w.on('message', (m: { id: number; output?: O; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      load[i]--;
      if (m.error === undefined) p.resolve(m.output as O);
      else p.reject(new Error(m.error || 'worker job failed'));
    });
    w.on('error', (e) => {
      broken = e;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
    workers.push(w);
    load.push(0);
  }
  return {
    size,
    run(input) {
      if (broken) return local(input);
      const id = next++;
      let i = 0;
      for (let j = 1; j < workers.length; j++) if (load[j] < load[i]) i = j;
      load[i]++;
      return new Promise<O>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: i });
        workers[i].postMessage({ id, input });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
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
}
