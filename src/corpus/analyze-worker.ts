import { parentPort } from 'node:worker_threads';
import { loadVectors } from '../align/vectors.js';
import { serveJobs } from '../batch/pool.js';
import { prepareRecord } from './prepare.js';
import type { RawRecord } from './readers/record.js';

// A worker is an entry point: it loads the word vectors once, as the CLI does (same resolution, same file).
const vectors = loadVectors();

/** Worker side of the analysis pool: a record in, the prepared record (or an error) out. */
serveJobs<RawRecord, unknown>(parentPort!, (r) => prepareRecord(r, vectors));
