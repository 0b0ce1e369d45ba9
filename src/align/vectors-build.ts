import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import { fnv1a as hashWord } from '../hash.js';
import { sifCommonDirection } from './sif.js';
import { quantisedRows } from './vectors.js';
import { CACHE_MAGIC, defaultCachePath, defaultEmbeddingsPath } from './vectors-paths.js';

/** How many of the most frequent words the cache keeps (GloVe lists words by corpus frequency). */
export const DEFAULT_MAX_WORDS = 200_000;

const CHUNK = 4 << 20;
const VECTORS_KEY = /"vectors"\s*:\s*\{/;

/**
 * Reads a wink embeddings JSON (`{dimensions, words, vectors: {word: [d floats, l2norm, index]}}`) in chunks
 * and writes the compact cache: Int8 vectors with a per-vector scale, frequency ranks and the word hash table.
 * Run by `prepare` at install, or by `loadVectors()` into the user cache when no prepared cache exists.
 * Memory stays at the kept words (~80 MB for 200k × 100 floats) instead of the 300 MB JSON parse tree.
 */
export function buildVectorCache(
  jsonPath: string = defaultEmbeddingsPath(),
  outPath: string = defaultCachePath(),
  maxWords: number = DEFAULT_MAX_WORDS,
): { words: number; dims: number; path: string } {
  const fd = openSync(jsonPath, 'r');
  const buf = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  let text = '';
  let dims = 0;
  let inVectors = false;
  const words: string[] = [];
  const ranks: number[] = [];
  let floats = new Float32Array(0);
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      const eof = n === 0;
      text += eof ? decoder.end() : decoder.write(buf.subarray(0, n));
      if (!inVectors) {
        dims ||= Number(/"dimensions"\s*:\s*(\d+)/.exec(text)?.[1] ?? 0);
        const m = VECTORS_KEY.exec(text);
        if (!m) {
          if (eof) throw new Error(`no "vectors" object in ${jsonPath}`);
          text = text.slice(Math.max(0, text.length - 64)); // keep a tail in case the key straddles chunks
          continue;
        }
        if (!dims) throw new Error(`no "dimensions" before "vectors" in ${jsonPath}`);
        floats = new Float32Array(maxWords * dims);
        text = text.slice(m.index + m[0].length);
        inVectors = true;
      }
      const { consumed, done } = parseEntries(text, dims, maxWords, words, ranks, floats);
      text = text.slice(consumed);
      if (done) break;
      if (eof) throw new Error(`truncated "vectors" object in ${jsonPath}`);
    }
  } finally {
    closeSync(fd);
  }
  writeCache(outPath, dims, words, ranks, floats);
  return { words: words.length, dims, path: outPath };
}

/** Parses complete `"word":[...]` entries; returns how many characters it used and whether `}` closed the object. */
function parseEntries(
  text: string,
  dims: number,
  maxWords: number,
  words: string[],
  ranks: number[],
  floats: Float32Array,
): { consumed: number; done: boolean } {
  let p = 0;
  for (;;) {
    while (p < text.length && (text[p] === ',' || text[p] <= ' ')) p++;
    if (p >= text.length) return { consumed: p, done: false };
    if (text[p] === '}') return { consumed: p + 1, done: true };
    const keyEnd = endOfString(text, p);
    if (keyEnd < 0) return { consumed: p, done: false };
    const open = text.indexOf('[', keyEnd);
    const close = open < 0 ? -1 : text.indexOf(']', open);
    if (close < 0) return { consumed: p, done: false };
    const values = text.slice(open + 1, close).split(',');
    // Entry layout: dims floats, then the l2 norm, then the word's frequency index.
    const rank = Number(values[values.length - 1]);
    const word = JSON.parse(text.slice(p, keyEnd)) as string;
    if (rank < maxWords && words.length < maxWords && !word.includes('\n') && values.length >= dims) {
      const row = words.length * dims;
      for (let k = 0; k < dims; k++) floats[row + k] = Number(values[k]);
      words.push(word);
      ranks.push(rank);
    }
    p = close + 1;
    // Entries come in frequency order, so once the table is full the rest of the 300 MB can be skipped.
    if (words.length >= maxWords) return { consumed: p, done: true };
  }
}

/** Index one past the closing quote of the JSON string starting at `start`, or -1 if it runs past the text. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

/**
 * Layout (little-endian): magic(8) count dims slots (u32) | f32 SIF common direction (dims) | int8 count×dims,
 * padded to 4 | f32 scales | u32 ranks | u32 word offsets (count+1) | i32 open-addressing hash table (slots) |
 * UTF-8 words.
 * The hash table lives in the file so loading is one read, with no 200k-entry Map to build; the common direction
 * (a sum over 50k rows, ~10% of a CLI `compare`'s start) is computed here from the quantised rows, so a reader
 * gets the very floats it would compute.
 */
function writeCache(outPath: string, dims: number, words: string[], ranks: number[], floats: Float32Array): void {
  const count = words.length;
  const quantBytes = Math.ceil((count * dims) / 4) * 4;
  let slots = 1;
  while (slots < count * 2) slots *= 2;
  const head = Buffer.alloc(20 + dims * 4);
  head.write(CACHE_MAGIC, 0, 'latin1');
  head.writeUInt32LE(count, 8);
  head.writeUInt32LE(dims, 12);
  head.writeUInt32LE(slots, 16);
  const quant = new Int8Array(quantBytes);
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let max = 0;
    for (let k = 0; k < dims; k++) max = Math.max(max, Math.abs(floats[i * dims + k]));
    const scale = max / 127 || 1;
    scales[i] = scale;
    for (let k = 0; k < dims; k++) quant[i * dims + k] = Math.round(floats[i * dims + k] / scale);
  }
  Buffer.from(sifCommonDirection(quantisedRows(dims, count, quant, scales, ranks)).buffer).copy(head, 20);
  const encoded = words.map((w) => Buffer.from(w, 'utf8'));
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + encoded[i].length;
  const table = new Int32Array(slots).fill(-1);
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    if (seen.has(words[i])) continue; // keep the more frequent duplicate
    seen.add(words[i]);
    let h = hashWord(words[i]) & (slots - 1);
    while (table[h] >= 0) h = (h + 1) & (slots - 1);
    table[h] = i;
  }
  const body = Buffer.concat([
    head,
    Buffer.from(quant.buffer),
    Buffer.from(scales.buffer),
    Buffer.from(Uint32Array.from(ranks).buffer),
    Buffer.from(offsets.buffer),
    Buffer.from(table.buffer),
    ...encoded,
  ]);
  mkdirSync(dirname(outPath), { recursive: true });
  // Write then rename so a parallel reader never sees half a file.
  const tmp = `${outPath}.${process.pid}.tmp`;
  writeFileSync(tmp, body);
  renameSync(tmp, outPath);
}

// `node dist/src/align/vectors-build.js` (package `prepare`) or `tsx src/align/vectors-build.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  try {
    const r = buildVectorCache();
    console.log(
      `unspun: word-vector cache ${r.path} (${r.words} words × ${r.dims}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    // Installing must not fail because the embeddings are missing: loadVectors() then warns and aligns on words.
    console.warn(`unspun: word-vector cache not built: ${(e as Error).message}`);
  }
}
