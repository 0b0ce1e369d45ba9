import { existsSync, statSync } from 'node:fs';
import { InputError, ThresholdError } from '../errors.js';
import { loadVectors } from '../align/vectors.js';
import { loadLexicon } from '../align/words/wordnet.js';
import { comparePairsJson, readPairs } from '../batch/index.js';
import type { SeveritySetting } from '../types.js';

/** Counts the records of a pairs file for the progress bar (a byte scan, no parsing). */
async function countRecords(path: string): Promise<number> {
  const { createReadStream } = await import('node:fs');
  let lines = 0;
  let lastByte = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    lastByte = chunk[chunk.length - 1];
  }
  return lines + (lastByte === 10 ? 0 : 1) - (/\.csv$/i.test(path) ? 1 : 0);
}

/** `unspun compare --pairs FILE`: one `unspun.pairs/1` JSON line per pair on stdout, in input order; bad records on stderr. */
export async function comparePairsCommand(
  path: string,
  opts: { rules: Record<string, SeveritySetting>; workers?: string },
): Promise<void> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new InputError(`--pairs ${path}: no such file`);
  const workers = opts.workers === undefined ? undefined : Number(opts.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
    throw new InputError(`--workers must be a whole number ≥ 0, not "${opts.workers}"`);
  const total = await countRecords(path);
  const bar = process.stderr.isTTY
    ? new (await import('cli-progress')).default.SingleBar({
        format: 'comparing |{bar}| {value}/{total} pairs · {failed} failed · {eta_formatted}',
        stream: process.stderr,
      })
    : null;
  bar?.start(total, 0, { failed: 0 });
  let failed = 0;
  try {
    for await (const o of comparePairsJson(readPairs(path), {
      vectors: loadVectors(),
      // Only in-process comparison (0 workers) uses it: worker threads load their own.
      lexicon: workers === 0 ? loadLexicon() : undefined,
      rules: opts.rules,
      workers,
      onProgress: (done, f) => bar?.update(done, { failed: f }),
    })) {
      if ('error' in o) {
        failed++;
        // Above the bar: clear its line first so the message is not drawn over.
        if (bar) process.stderr.write('\r\x1b[K');
        process.stderr.write(`unspun: skipped: ${o.error}\n`);
        continue;
      }
      process.stdout.write(
        `{"schema":"unspun.pairs/1","id":${JSON.stringify(o.id)},"index":${o.index},"result":${o.json}}\n`,
      );
    }
  } finally {
    bar?.stop();
  }
  if (failed) throw new ThresholdError(`${failed} pair(s) failed (listed above) and were skipped`);
}
