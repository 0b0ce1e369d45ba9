import { createWorkerPool, type WorkerPool } from '../batch/pool.js';
import { prepareRecord, type Prepared } from './prepare.js';
import type { RawRecord } from './readers/record.js';

/** Runs prepareRecord on worker threads (both cores), or in-process when size is 0 or workers cannot start. */
export type AnalyzePool = WorkerPool<RawRecord, Prepared>;

export function createAnalyzePool(size: number, vectorKind: string | null): AnalyzePool {
  const pool = createWorkerPool<{ record: RawRecord; vectorKind: string | null }, Prepared>('corpus/analyze-worker', size, (j) => prepareRecord(j.record, j.vectorKind));
  return { size: pool.size, run: (record) => pool.run({ record, vectorKind }), close: () => pool.close() };
}
