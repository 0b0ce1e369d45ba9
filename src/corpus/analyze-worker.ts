import { parentPort } from 'node:worker_threads';
import { loadVectors } from '../align/vectors.js';
import { serveJobs } from '../batch/pool.js';
import { prepareRecord } from './prepare.js';
import type { RawRecord } from './readers/record.js';

// A worker is an entry point: it loads the word vectors once, as the CLI does (same resolution, same file).
const vectors = loadVectors();

// One small article before the first job: lexicons and tables load on first use, and that second or so must not
// count against the first document's --doc-timeout budget (a fresh worker replaces one that overran).
prepareRecord(
  {
    article: null,
    source: 'warm-up',
    body: 'Maria Lenz, a spokeswoman for the Federal Railway Authority, said nearly 12,000 trains ran late on Tuesday. "We are sorry," she said.',
    format: 'text',
    url: null,
    title: null,
    published: null,
    outlet: null,
  },
  vectors,
);

/** Worker side of the analysis pool: a record in, the prepared record (or an error) out. */
serveJobs<RawRecord, unknown>(parentPort!, (r) => prepareRecord(r, vectors));
