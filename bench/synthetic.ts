/**
 * A synthetic corpus built at run time from METER texts (real sentences and word statistics): no dataset text is
 * written into the repository. Shared by the corpus and PostgreSQL benches.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const METER = process.env.METER_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'meter-courts');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.txt') ? [p] : [];
  });
}

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentencesOf(path: string): string[] {
  const text = readFileSync(path, 'latin1').replace(/<\s*$/gm, '').replace(/\s+/g, ' ');
  return text.split(/(?<=[.!?]["']?)\s+(?=[A-Z"'])/).filter((s) => s.split(' ').length > 4);
}

/** `n` synthetic articles as JSON Lines: each story's sentences shuffled, with two sentences of another mixed in. */
export function buildCorpus(out: string, n: number): void {
  const texts = files(join(METER, 'newspapers', 'rawtexts'))
    .concat(files(join(METER, 'PA', 'rawtexts')))
    .map(sentencesOf)
    .filter((s) => s.length >= 5);
  const rand = rng(7);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = texts[i % texts.length];
    const mix = texts[Math.floor(rand() * texts.length)];
    const picked = [...base].sort(() => rand() - 0.5).slice(0, Math.max(5, Math.floor(base.length * 0.8)));
    picked.push(...mix.slice(0, 2));
    const paras: string[] = [];
    for (let j = 0; j < picked.length; j += 2) paras.push(picked.slice(j, j + 2).join(' '));
    lines.push(JSON.stringify({ id: `syn-${i}`, text: `Synthetic ${i}\n\n${paras.join('\n\n')}` }));
  }
  writeFileSync(out, lines.join('\n') + '\n');
}
