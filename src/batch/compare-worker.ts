import { parentPort } from 'node:worker_threads';
import { serveJobs } from './pool.js';
import { comparePair, type PairJob } from './compare-pair.js';

/** Worker side of batch compare: a pair in, its CompareResult as JSON text out (cheaper to pass than the object). */
serveJobs<PairJob, string>(parentPort!, comparePair);
