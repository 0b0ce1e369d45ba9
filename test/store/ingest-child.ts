// Child process for the crash test: ingests a JSONL file in small chunks and reports every commit on stdout.
import { addPaths } from '../../src/corpus/add.js';
import { openStore } from '../../src/store/index.js';
import { loadVectors } from '../../src/align/vectors.js';

const vectors = loadVectors();

const [db, input] = process.argv.slice(2);
const store = await openStore(db);
await addPaths(store, [input], {
  vectors,
  workers: 0,
  chunkSize: 20,
  onCommit: (p) => process.stdout.write(`committed ${p.committed}\n`),
});
process.stdout.write('done\n');
