import type { Vectors } from '../align/vectors.js';
import { createWorkerPool, type WorkerPool } from '../batch/pool.js';
import { prepareRecord, type Prepared } from './prepare.js';
import type { RawRecord } from './readers/record.js';

/** Runs prepareRecord on worker threads (both cores), or in-process when size is 0 or workers cannot start. */
export type AnalyzePool = WorkerPool<RawRecord, Prepared>;

/** `vectors` serve the in-process path; each worker loads its own copy once (loadVectors, the same file). */
export function createAnalyzePool(size: number, vectors: Vectors): AnalyzePool {
  return createWorkerPool<RawRecord, Prepared>('corpus/analyze-worker', size, async (r) => prepareRecord(r, vectors));
}
