import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const ROOT = join(import.meta.dirname, '..');
export const example = (name: string) => join(ROOT, 'examples', name);
export const readExample = (name: string) => readFileSync(example(name));

/** Runs the built CLI (npm test builds first) and returns its exit code and output. */
export function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/unspun.js'), ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', UNSPUN_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The set of lower-cased word n-grams of a text. */
export function wordNgrams(text: string, n: number): Set<string> {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** Word n-grams two texts share (a paraphrase fixture must share no trigram with its source). */
export function sharedNgrams(a: string, b: string, n = 3): string[] {
  const B = wordNgrams(b, n);
  return [...wordNgrams(a, n)].filter((g) => B.has(g));
}

/** Word 5-gram Jaccard of two texts: how much a copy still shares verbatim. */
export function shingleJaccard(a: string, b: string, n = 5): number {
  const A = wordNgrams(a, n);
  const B = wordNgrams(b, n);
  let inter = 0;
  for (const g of A) if (B.has(g)) inter++;
  return inter / (A.size + B.size - inter || 1);
}
