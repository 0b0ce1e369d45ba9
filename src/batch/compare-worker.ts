import { parentPort } from 'node:worker_threads';
import { loadVectors } from '../align/vectors.js';
import { loadLexicon } from '../align/words/wordnet.js';
import { serveJobs } from './pool.js';
import { comparePair, type PairJob } from './compare-pair.js';

// A worker is an entry point: it loads the word vectors and the WordNet lexicon once, as the CLI does.
const vectors = loadVectors();
const lexicon = loadLexicon();

/** Worker side of batch compare: a pair in, its CompareResult as JSON text out (cheaper to pass than the object). */
serveJobs<PairJob, string>(parentPort!, (job) => comparePair(job, vectors, lexicon));
