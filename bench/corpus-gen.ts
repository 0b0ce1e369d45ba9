/**
 * Scale-bench corpus generator (reusable: the SQLite and Postgres benches both call it).
 *
 * Background documents are new combinations of real news sentences read at run time from ../shared/data
 * (PolNeAR articles and METER court stories; nothing is written into the repository): each sentence is either a
 * whole real sentence or the head of one spliced onto the tail of another, so documents are distinct while word
 * frequencies, names and numbers stay those of real news. Planted rewrite families: some documents are origins,
 * and a few documents later come one to three rewrites of each (sentences dropped, reordered, reworded with a
 * small substitution list, new sentences added, published one to three days later by another outlet). The
 * generator yields one record at a time and holds only the sentence pool (bounded, independent of `n`) and the
 * origins still waiting for their rewrites, so memory does not grow with the corpus.
 */
import { createWriteStream, readFileSync, readdirSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { compileWordnet } from '../src/align/words/wordnet-build.js';
import { lexicon } from '../src/lexicons.js';
import { dataDir as defaultDataDir } from './meter.js';

export interface GenOptions {
  /** Documents to generate (origins and rewrites included). */
  n: number;
  seed?: number;
  dataDir?: string;
  /** Share of documents that are planted origins (each gets 1–3 rewrites). Default 0.04. */
  originShare?: number;
  /** Cap on the sentence pool (memory bound). Default 60,000. */
  maxSentences?: number;
  /** Share of rewrites made heavy paraphrases (WordNet synonyms, every sentence moved). Default 0.25; 0 = none. */
  heavyShare?: number;
}

export interface GenRecord {
  id: string;
  title: string;
  text: string;
  published: string;
  outlet: string;
  /** For a planted rewrite: the id of its origin. */
  origin?: string;
  /**
   * `paraphrase`: a rewrite reworded heavily on top (see `paraphrase` below), so that few of the origin's 5-word
   * shingles survive — the case a shingle index (MinHash LSH) is blind to.
   */
  kind: 'background' | 'origin' | 'rewrite' | 'paraphrase';
}

/** Deterministic PRNG (mulberry32), so two runs with one seed generate the same corpus. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function files(dir: string, ext: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

// A break after . ! ? (and a closing quote), not after a title or common abbreviation ("Mr. Trimble").
const SENTENCE_BREAK =
  /(?<!\b(?:Mr|Ms|Mrs|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Prof|No|Inc|Co|Corp|Jan|Feb|Aug|Sept|Oct|Nov|Dec|U\.S|[A-Z])\.)(?<=[.!?]["'\u201d]?)\s+(?=["'\u201c]?[A-Z])/;

/** Sentences of 6–60 words from real news text (PolNeAR, METER), in a stable order. */
export function sentencePool(dataDir = defaultDataDir(), max = 60_000): string[] {
  const paths = [
    ...['train', 'dev', 'test'].flatMap((s) => files(join(dataDir, 'polnear', s, 'text'), '.txt')),
    ...files(join(dataDir, 'meter-courts', 'PA', 'rawtexts'), '.txt'),
    ...files(join(dataDir, 'meter-courts', 'newspapers', 'rawtexts'), '.txt'),
  ];
  const out: string[] = [];
  for (const p of paths) {
    // METER is Latin-1 with `<` line ends and a slug/time header line; both go.
    const raw = readFileSync(p, p.includes('meter-courts') ? 'latin1' : 'utf8').replace(/<\s*$/gm, '');
    const body = p.includes('meter-courts') ? raw.split('\n').slice(1).join('\n') : raw;
    for (const s of body.replace(/\s+/g, ' ').split(SENTENCE_BREAK)) {
      const words = s.split(' ').length;
      if (words >= 6 && words <= 60 && /^["'\u201c]?[A-Z]/.test(s)) out.push(s.trim());
      if (out.length >= max) return out;
    }
  }
  if (out.length < 1000)
    throw new Error(`corpus-gen: only ${out.length} sentences under ${dataDir} (need PolNeAR or METER)`);
  return out;
}

/** Light rewording a content farm applies (word → replacement); applied to some occurrences only. */
const REWORD: Record<string, string> = {
  said: 'stated',
  says: 'claims',
  told: 'informed',
  however: 'but',
  people: 'residents',
  also: 'additionally',
  about: 'around',
  because: 'since',
  large: 'big',
  big: 'major',
  help: 'assist',
  show: 'reveal',
  shows: 'reveals',
  before: 'prior to',
  after: 'following',
  many: 'numerous',
  important: 'key',
  new: 'fresh',
  start: 'begin',
};

/**
 * One WordNet synonym per lower-case word that is itself a WordNet lemma: the first other single-word member of the
 * first synset that has one (not the most frequent sense: WordNet's data files are not in frequency order, and a
 * paraphrase bench only needs the words to change). Function words and words under 4 letters keep their form.
 */
function synonymMap(): Map<string, string> {
  const data = compileWordnet();
  const fn = new Set(lexicon<string>('ingest-function-words').entries);
  const out = new Map<string, string>();
  data.members.forEach((members) => {
    for (const w of members) {
      const word = data.words[w];
      if (out.has(word) || word.length < 4 || fn.has(word) || !/^[a-z]+$/.test(word)) continue;
      const other = members.map((m) => data.words[m]).find((x) => x !== word && /^[a-z]+$/.test(x));
      if (other) out.set(word, other);
    }
  });
  return out;
}

const OUTLETS = Array.from({ length: 40 }, (_, i) => `outlet-${i + 1}.example`);

/** A generated corpus, one record at a time (see the file comment). */
export async function* generateCorpus(opts: GenOptions): AsyncGenerator<GenRecord> {
  const rand = rng(opts.seed ?? 12);
  // Heavy paraphrases draw from their own stream, so the rest of the corpus is the one earlier runs generated.
  const heavyRand = rng((opts.seed ?? 12) ^ 0x5bd1e995);
  const heavyShare = opts.heavyShare ?? 0.25;
  let synonyms: Map<string, string> | null = null;
  const pool = sentencePool(opts.dataDir, opts.maxSentences);
  const originShare = opts.originShare ?? 0.04;
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const day = (d: number) => new Date(Date.UTC(2016, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

  // Head of one real sentence + tail of another, cut at word boundaries in their middle halves.
  const sentence = (): string => {
    const a = pick(pool);
    if (rand() < 0.3) return a;
    const b = pick(pool);
    const aw = a.split(' ');
    const bw = b.split(' ');
    const cut = (n: number) => Math.max(2, Math.floor(n * (0.25 + rand() * 0.5)));
    const tail = bw.slice(cut(bw.length)).join(' ');
    return `${aw.slice(0, cut(aw.length)).join(' ')} ${tail}`;
  };
  const document = (n: number) => Array.from({ length: n }, sentence);
  const reword = (s: string) =>
    s.replace(/\b[a-z]+\b/g, (w) => (REWORD[w] !== undefined && rand() < 0.6 ? REWORD[w] : w));
  // A heavy paraphrase: 80% of the words WordNet has a synonym for are replaced (names, numbers and function words
  // stay), and the sentences are shuffled, so a 5-word shingle rarely survives whole.
  const paraphrase = (s: string) =>
    s.replace(/\b[a-z]+\b/g, (w) => {
      const syn = (synonyms ??= synonymMap()).get(w);
      return syn !== undefined && heavyRand() < 0.8 ? syn : w;
    });
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(heavyRand() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  const paragraphs = (ss: string[]) => {
    const out: string[] = [];
    for (let i = 0; i < ss.length; ) {
      const k = int(1, 3);
      out.push(ss.slice(i, i + k).join(' '));
      i += k;
    }
    return out.join('\n\n');
  };
  const titleOf = (ss: string[]) =>
    ss[0]
      .split(' ')
      .slice(0, 9)
      .join(' ')
      .replace(/[.,;:]$/, '');

  type Pending = { id: string; sentences: string[]; day: number; outlet: string; due: number; left: number };
  const pending: Pending[] = [];
  for (let i = 0; i < opts.n; i++) {
    const id = `gen-${i}`;
    const ready = pending.findIndex((p) => p.due <= i);
    if (ready >= 0 || (pending.length && opts.n - i <= pending.reduce((s, p) => s + p.left, 0))) {
      const p = pending[Math.max(ready, 0)];
      // The rewrite: drop 10–30% of sentences, swap a neighbouring pair or two, reword, add 1–3 new sentences.
      const kept = p.sentences.filter(() => rand() > 0.1 + rand() * 0.2);
      for (let s = int(0, 2); s > 0 && kept.length > 2; s--) {
        const j = int(0, kept.length - 2);
        [kept[j], kept[j + 1]] = [kept[j + 1], kept[j]];
      }
      const body = kept.map(reword);
      for (let s = int(1, 3); s > 0; s--) body.splice(int(1, body.length), 0, sentence());
      const d = p.day + int(1, 3);
      const title = reword(titleOf(body));
      // Decided after the light rewrite has drawn from `rand`, so the main stream is the same either way.
      const heavy = heavyRand() < heavyShare;
      yield {
        id,
        kind: heavy ? 'paraphrase' : 'rewrite',
        origin: p.id,
        title: heavy ? paraphrase(title) : title,
        text: paragraphs(heavy ? shuffle(body.map(paraphrase)) : body),
        published: day(d),
        outlet: pick(OUTLETS.filter((o) => o !== p.outlet)),
      };
      if (--p.left === 0) pending.splice(pending.indexOf(p), 1);
      else p.due = i + int(1, 40);
      continue;
    }
    const ss = document(int(8, 28));
    const d = int(0, 360);
    const outlet = pick(OUTLETS);
    // An origin's rewrites follow within ~100 documents; the queue stays small (originShare × 100 entries).
    const origin = rand() < originShare && opts.n - i > 10;
    if (origin) pending.push({ id, sentences: ss, day: d, outlet, due: i + int(5, 100), left: int(1, 3) });
    yield {
      id,
      kind: origin ? 'origin' : 'background',
      title: titleOf(ss),
      text: paragraphs(ss),
      published: day(d),
      outlet,
    };
  }
}

/** A generated corpus as JSON Lines, one file per segment (`unspun add` reads them; ingest them in order). */
export interface CorpusSegment {
  path: string;
  /** Documents generated so far, this segment included. */
  total: number;
  words: number;
  /** Planted (rewrite → origin) pairs whose rewrite is in this segment (its origin is in this one or an earlier one). */
  planted: Array<{ rewrite: string; origin: string; heavy: boolean }>;
}

/**
 * Streams the corpus into JSON Lines files cut after each of `cuts` documents (default: one file of `n`), yielding
 * each file once written, so a bench can ingest and measure at every size on the way to n.
 */
export async function* writeCorpusSegments(
  dir: string,
  opts: GenOptions & { cuts?: number[] },
): AsyncGenerator<CorpusSegment> {
  const cuts = [...new Set([...(opts.cuts ?? []).filter((c) => c > 0 && c < opts.n), opts.n])].sort((a, b) => a - b);
  let out: WriteStream | null = null;
  let seg: CorpusSegment | null = null;
  let total = 0;
  for await (const r of generateCorpus(opts)) {
    if (!out || !seg) {
      seg = { path: join(dir, `corpus-${cuts[0]}.jsonl`), total: 0, words: 0, planted: [] };
      out = createWriteStream(seg.path);
    }
    const { kind, origin, ...rec } = r;
    if (origin) seg.planted.push({ rewrite: r.id, origin, heavy: kind === 'paraphrase' });
    seg.words += r.text.split(/\s+/).length;
    if (!out.write(JSON.stringify(rec) + '\n')) await once(out, 'drain');
    if (++total === cuts[0]) {
      cuts.shift();
      out.end();
      await once(out, 'finish');
      yield { ...seg, total };
      out = null;
      seg = null;
    }
  }
}
