/** Batch comparison: many pairs on worker threads, streamed in input order (`unspun compare --pairs`). */
export {
  comparePairs,
  comparePairsJson,
  readPairs,
  type ComparePairsOptions,
  type PairInput,
  type PairOutcome,
  type PairReadError,
} from './pairs.js';
