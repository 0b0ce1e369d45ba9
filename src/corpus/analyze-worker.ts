import { parentPort } from 'node:worker_threads';
import { loadVectors } from '../align/vectors.js';
import { prepareRecord } from './prepare.js';
import type { RawRecord } from './readers/record.js';

/** Worker side of the analysis pool: one message in (a record), one out (prepared or an error). */
// A worker is an entry point: it loads the word vectors once, as the CLI does (same resolution, same file).
const vectors = loadVectors();

parentPort!.on('message', (msg: { id: number; record: RawRecord }) => {
  try {
    const prepared = prepareRecord(msg.record, vectors);
    parentPort!.postMessage({ id: msg.id, prepared });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message ?? String(e) });
  }
});
