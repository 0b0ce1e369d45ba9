import { parentPort } from 'node:worker_threads';
import { loadVectors } from '../align/vectors.js';
import { serveJobs } from './pool.js';
import { comparePair, type PairJob } from './compare-pair.js';

// A worker is an entry point: it loads the word vectors once, as the CLI does.
const vectors = loadVectors();

/** Worker side of batch compare: a pair in, its CompareResult as JSON text out (cheaper to pass than the object). */
serveJobs<PairJob, string>(parentPort!, (job) => comparePair(job, vectors));
