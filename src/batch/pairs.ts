import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Vectors } from '../align/vectors.js';
import type { Lexicon } from '../align/words/wordnet.js';
import type { ArticleInput } from '../compare.js';
import type { CompareResult, SeveritySetting } from '../types.js';
import { comparePair, type PairJob } from './compare-pair.js';
import { createWorkerPool } from './pool.js';

/** One pair to compare; `source` and `derived` as `compare()` takes them. */
export interface PairInput {
  id?: string | null;
  source: ArticleInput;
  derived: ArticleInput;
}

/** A record the reader could not turn into a pair (reported, skipped). */
export interface PairReadError {
  id?: string | null;
  error: string;
}

export type PairOutcome =
  | { index: number; id: string | null; result: CompareResult }
  | { index: number; id: string | null; error: string };

export interface ComparePairsOptions {
  /** Word vectors from `loadVectors()` for in-process comparison (worker threads load their own). */
  vectors: Vectors;
  /** WordNet lexicon from `loadLexicon()` for in-process word alignment (worker threads load their own). */
  lexicon?: Lexicon;
  /** ESLint-style rule settings, as for compare(). */
  rules?: Record<string, SeveritySetting>;
  /** Worker threads; 0 compares in-process. Default: cores, at most 2. */
  workers?: number;
  /** Called after each pair (done so far, failed so far). */
  onProgress?: (done: number, failed: number) => void;
}

/** Outcomes with the result still as JSON text (what the CLI prints), in input order. */
export async function* comparePairsJson(
  pairs: Iterable<PairInput | PairReadError> | AsyncIterable<PairInput | PairReadError>,
  opts: ComparePairsOptions,
): AsyncGenerator<
  { index: number; id: string | null; json: string } | { index: number; id: string | null; error: string }
> {
  const size = opts.workers ?? Math.min(2, availableParallelism());
  const pool = createWorkerPool<PairJob, string>('batch/compare-worker', size, async (job) =>
    comparePair(job, opts.vectors, opts.lexicon),
  );
  // Bounded: at most `window` pairs read ahead of the one being printed, so memory does not grow with the file.
  const window = Math.max(4, pool.size * 4);
  const queue: Array<{ index: number; id: string | null; job: Promise<string | Error> }> = [];
  let index = 0;
  let done = 0;
  let failed = 0;
  const settle = async () => {
    const head = queue.shift()!;
    const out = await head.job;
    done++;
    if (out instanceof Error) failed++;
    opts.onProgress?.(done, failed);
    return out instanceof Error
      ? { index: head.index, id: head.id, error: out.message }
      : { index: head.index, id: head.id, json: out };
  };
  try {
    for await (const p of pairs) {
      const id = p.id ?? null;
      const job =
        'error' in p
          ? Promise.resolve(new Error(p.error))
          : pool
              .run({ source: p.source, derived: p.derived, rules: opts.rules })
              .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      queue.push({ index: index++, id, job });
      if (queue.length >= window) yield await settle();
    }
    while (queue.length) yield await settle();
  } finally {
    await pool.close();
  }
}

/**
 * Compares many pairs on worker threads, streaming outcomes in input order. A pair that fails (unreadable
 * input, bad record) comes out as `{ error }` and the rest go on.
 *
 * ```ts
 * for await (const o of comparePairs(readPairs('pairs.jsonl'), { vectors: loadVectors() })) if ('result' in o) console.log(o.id, o.result.relation.verdict);
 * ```
 */
export async function* comparePairs(
  pairs: Iterable<PairInput | PairReadError> | AsyncIterable<PairInput | PairReadError>,
  opts: ComparePairsOptions,
): AsyncGenerator<PairOutcome> {
  for await (const o of comparePairsJson(pairs, opts))
    yield 'json' in o ? { index: o.index, id: o.id, result: JSON.parse(o.json) as CompareResult } : o;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.length ? v : typeof v === 'number' ? String(v) : null;

/**
 * Reads pairs from a JSON Lines file (`{"id", "source", "derived"}` with texts or `{text|html, title, …}` objects,
 * or `"source_file"`/`"derived_file"` paths relative to the file) or a CSV file with a header naming `source` and
 * `derived` file-path columns (and optionally `id`). Bad records come out as `{ error: "file:line: reason" }`.
 */
export async function* readPairs(path: string): AsyncGenerator<PairInput | PairReadError> {
  const base = dirname(resolve(path));
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const csv = /\.csv$/i.test(path);
  let header: string[] | null = null;
  let n = 0;
  const file = async (p: string) => readFile(resolve(base, p));
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const where = `${path}:${n}`;
    try {
      if (csv) {
        const cells = csvCells(line);
        if (!header) {
          header = cells.map((c) => c.trim().toLowerCase());
          if (!header.includes('source') || !header.includes('derived'))
            throw new Error('CSV header must name "source" and "derived" columns (file paths)');
          continue;
        }
        const at = (name: string) => cells[header!.indexOf(name)]?.trim() ?? '';
        if (!at('source') || !at('derived')) throw new Error('empty source or derived path');
        yield {
          id: header.includes('id') ? at('id') || null : String(n),
          source: await file(at('source')),
          derived: await file(at('derived')),
        };
        continue;
      }
      let o: unknown;
      try {
        o = JSON.parse(line);
      } catch (e) {
        throw new Error(`bad JSON: ${(e as Error).message}`);
      }
      if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('record is not a JSON object');
      const r = o as Record<string, unknown>;
      const side = async (name: 'source' | 'derived'): Promise<ArticleInput> => {
        const v = r[name];
        const f = str(r[`${name}_file`]);
        if (f) return file(f);
        if (typeof v === 'string' && v.trim()) return v;
        if (
          v &&
          typeof v === 'object' &&
          !Array.isArray(v) &&
          (typeof (v as { text?: unknown }).text === 'string' || typeof (v as { html?: unknown }).html === 'string')
        )
          return v as ArticleInput;
        throw new Error(`record has no "${name}" text (or "${name}_file")`);
      };
      yield { id: str(r.id) ?? String(n), source: await side('source'), derived: await side('derived') };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      yield { id: String(n), error: `${where}: ${err.code === 'ENOENT' ? `no such file: ${err.path}` : err.message}` };
    }
  }
}

/** One CSV line split into cells (RFC 4180 quotes; a quoted cell may not span lines). */
function csvCells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new Error('unterminated quoted CSV cell');
  out.push(cell);
  return out;
}
