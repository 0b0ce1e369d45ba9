import { parentPort } from 'node:worker_threads';
import { prepareRecord } from './prepare.js';
import type { RawRecord } from './readers/record.js';

/** Worker side of the analysis pool: one message in (a record), one out (prepared or an error). */
parentPort!.on('message', async (msg: { id: number; record: RawRecord; vectorKind: string | null }) => {
  try {
    const prepared = await prepareRecord(msg.record, msg.vectorKind);
    parentPort!.postMessage({ id: msg.id, prepared });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message ?? String(e) });
  }
});
