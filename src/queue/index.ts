/** The scale-out path: a pg-boss job queue in the PostgreSQL store feeding analysis workers on any number of machines. */
export { INGEST_QUEUE, DEAD_QUEUE, retryPolicy, openQueue, requirePostgres, jobId } from './queue.js';
export { enqueuePaths, waitForJobs, type EnqueueSummary, type WaitProgress } from './enqueue.js';
export { runWorker, type WorkerOptions, type WorkerSummary, type BatchResult } from './worker.js';
export { jobsReport, jobCounts, type JobsReport, type StateCounts } from './status.js';
