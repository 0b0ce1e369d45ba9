import type { Vectors } from '../align/vectors.js';
import { createWorkerPool, type WorkerPool } from '../batch/pool.js';
import { prepareRecord, type Prepared } from './prepare.js';
import type { RawRecord } from './readers/record.js';

/** Runs prepareRecord on worker threads (both cores), or in-process when size is 0 or workers cannot start. */
export type AnalyzePool = WorkerPool<RawRecord, Prepared>;

/**
 * Time budget per document on a worker (`add --doc-timeout`). A 10 MB record is analysed in a few seconds (analysis
 * stops at 500,000 characters); a minute leaves room for a loaded machine and still bounds a pathological one.
 */
export const DEFAULT_DOC_TIMEOUT_MS = 60_000;

/** `vectors` serve the in-process path; each worker loads its own copy once (loadVectors, the same file). */
export function createAnalyzePool(size: number, vectors: Vectors, timeoutMs = DEFAULT_DOC_TIMEOUT_MS): AnalyzePool {
  return createWorkerPool<RawRecord, Prepared>('corpus/analyze-worker', size, async (r) => prepareRecord(r, vectors), {
    timeoutMs,
  });
}
