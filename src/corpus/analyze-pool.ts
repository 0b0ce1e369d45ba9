import { Worker } from 'node:worker_threads';
import type { Vectors } from '../align/vectors.js';
import { prepareRecord, type Prepared } from './prepare.js';
import type { RawRecord } from './readers/record.js';

/** Runs prepareRecord on worker threads (both cores), or in-process when size is 0 or workers cannot start. */
export interface AnalyzePool {
  run(record: RawRecord): Promise<Prepared>;
  readonly size: number;
  close(): Promise<void>;
}

type Pending = { resolve: (p: Prepared) => void; reject: (e: Error) => void };

/** `vectors` serve the in-process path; each worker loads its own copy once (loadVectors, the same file). */
export function createAnalyzePool(size: number, vectors: Vectors): AnalyzePool {
  const inProcess = async (r: RawRecord) => prepareRecord(r, vectors);
  if (size <= 0) return { size: 0, run: inProcess, close: async () => {} };
  const here = import.meta.url;
  // Under tsx/vitest we run from .ts sources: the worker needs the tsx loader too.
  const fromSource = here.endsWith('.ts');
  const url = new URL(fromSource ? './analyze-worker.ts' : './analyze-worker.js', here);
  const workers: Worker[] = [];
  const load: number[] = [];
  const pending = new Map<number, Pending>();
  let next = 0;
  let broken: Error | null = null;
  for (let i = 0; i < size; i++) {
    // A loader given by --import does not reach a worker's entry module; register tsx from inside instead.
    const w = fromSource
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true })
      : new Worker(url);
    w.unref();
    w.on('message', (m: { id: number; prepared?: Prepared; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      load[i]--;
      if (m.prepared) p.resolve(m.prepared);
      else p.reject(new Error(m.error ?? 'analysis failed'));
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
    run(record) {
      if (broken) return inProcess(record);
      const id = next++;
      let i = 0;
      for (let j = 1; j < workers.length; j++) if (load[j] < load[i]) i = j;
      load[i]++;
      return new Promise<Prepared>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[i].postMessage({ id, record });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
