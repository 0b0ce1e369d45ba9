import { parentPort } from 'node:worker_threads';
import { serveJobs } from '../batch/pool.js';
import { prepareRecord } from './prepare.js';
import type { RawRecord } from './readers/record.js';

/** Worker side of the analysis pool: a record in, the prepared record (or an error) out. */
serveJobs<{ record: RawRecord; vectorKind: string | null }, unknown>(parentPort!, (j) => prepareRecord(j.record, j.vectorKind));
