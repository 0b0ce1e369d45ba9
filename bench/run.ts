/**
 * `npm run bench`: throughput and latency, reported, never asserted.
 * Analysis words/s on the METER courts corpus; compare latency for a ~1,000-word pair; corpus benches if present.
 */
import { performance } from 'node:perf_hooks';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import { compareAnalyses } from '../src/compare.js';
import { meterFiles } from './meter.js';
import { loadVectors } from '../src/align/vectors.js';
import { loadLexicon } from '../src/align/words/wordnet.js';
import { align } from '../src/align/index.js';
import { alignWords } from '../src/align/words/index.js';

const vectors = loadVectors();
const lexicon = loadLexicon();

function line(name: string, value: string, target = ''): void {
  process.stdout.write(`${name.padEnd(44)} ${value.padStart(16)}   ${target}\n`);
}

const files = meterFiles();
const extracted = files.map((b) => extract(b));
const words = extracted.reduce(
  (n, e) => n + e.blocks.reduce((m, b) => m + e.text.slice(b.start, b.end).split(/\s+/).filter(Boolean).length, 0),
  0,
);

// Warm up wink and the lexicons, then time analysis alone (extraction is timed separately).
for (const e of extracted.slice(0, 20)) analyze(e);
let t0 = performance.now();
for (const b of files) extract(b);
const extractMs = performance.now() - t0;
t0 = performance.now();
const analyses = extracted.map((e) => analyze(e));
const analyzeMs = performance.now() - t0;
line('corpus', `${files.length} files, ${words} words`);
line('ingest (extract) throughput', `${Math.round(words / (extractMs / 1000)).toLocaleString('en')} words/s`);
line(
  'analysis throughput (1 core)',
  `${Math.round(words / (analyzeMs / 1000)).toLocaleString('en')} words/s`,
  'target ≥ 100,000 words/s per core',
);

// compare on ~1,000-word pairs: concatenate stories until each side has ~1,000 words.
const wordsOf = (a: (typeof analyses)[number]) => a.tokens.filter((t) => t.pos !== 'PUNCT').length;
function pairOf(offset: number) {
  let text = '';
  let n = 0;
  for (let i = offset; n < 1000 && i < extracted.length; i++) {
    text += extracted[i].blocks.map((b) => extracted[i].text.slice(b.start, b.end)).join('\n\n') + '\n\n';
    n += wordsOf(analyses[i]);
  }
  return analyze(extract(text));
}
const src = pairOf(0);
const der = pairOf(3); // overlapping stories: some shared content, like a real rewrite
compareAnalyses(src, der, { vectors, lexicon }); // first call loads the vectors
/** Wall-time p50 and max of 20 warm runs, and CPU per run (steadier than wall time on a loaded machine). */
function timed(run: () => void): { p50: number; max: number; cpu: number } {
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return { p50: times[10], max: times[times.length - 1], cpu: (cpu.user + cpu.system) / 1000 / times.length };
}
const cmp = timed(() => compareAnalyses(src, der, { vectors, lexicon }));
line('compare 1,000-word pair (warm, p50)', `${cmp.p50.toFixed(1)} ms`, 'target ≤ 50 ms (issue 20: ≤ 60 ms)');
line('compare 1,000-word pair (warm, max)', `${cmp.max.toFixed(1)} ms`);
line('compare 1,000-word pair (CPU per run)', `${cmp.cpu.toFixed(1)} ms`);
// The word aligner's part of it: every link of the same pair (compare() runs exactly this).
const links = align(src, der, vectors).links;
const wordAlignment = timed(() => {
  for (const l of links) alignWords(src, der, l.source, l.derived, { vectors, lexicon });
});
line(
  'of which word alignment (warm, p50)',
  `${wordAlignment.p50.toFixed(1)} ms`,
  `${links.length} links; CPU ${wordAlignment.cpu.toFixed(1)} ms`,
);
line('peak RSS', `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);
