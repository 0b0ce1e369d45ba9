import type { Vectors } from '../../align/vectors.js';
import type { Lexicon } from '../../align/words/wordnet.js';
import { MIN_QUOTE_WORDS } from '../../checks/evidence/quotes.js';
import { InputError } from '../../errors.js';
import { sameEntity } from '../../nlp/entities/key.js';
import { decodeAnalysis, warn } from '../../store/codec.js';
import type { ArticleMeta, Store, StoredQuote } from '../../store/store.js';
import type { Analysis, Quote } from '../../types.js';
import { TOOL } from '../../version.js';
import { fingerprint } from '../fingerprint.js';
import { longestCommonRun } from '../../align/runs.js';
import { words } from '../../checks/evidence/pairs.js';
import {
  matchingQuotes,
  PARAPHRASE_CANDIDATES,
  PARAPHRASE_THRESHOLDS,
  paraphraseIn,
  type QuoteQuery,
  queryOf,
  storedQuery,
} from './lookup.js';
import { quoteWordDiff, type WordDiffOp } from './word-diff.js';

/**
 * How an appearance differs from the earliest one (speakers too: `speaker-added` when the earliest names no one).
 * `possibly-fabricated`: the earliest appearance sits in an article that
 * copies an earlier stored article, and no earlier article has the words, quoted or restated.
 */
export const QUOTE_MUTATIONS = [
  'words-changed',
  'speaker-changed',
  'speaker-dropped',
  'speaker-added',
  'quote-to-paraphrase',
  'paraphrase-to-quote',
  'possibly-fabricated',
] as const;
export type QuoteMutation = (typeof QUOTE_MUTATIONS)[number];

/** An article is a copy of an earlier one when they share this many of 32 LSH bands (5-shingle Jaccard ≳ 0.5). */
export const COPY_BANDS = 8;
/** Other quotes of an article looked up to see whether it repeats an earlier article's quotes. */
const COPY_QUOTE_PROBES = 6;
/**
 * An earlier article "has" the words when a sentence — quoted or not — carries this share of the quote's content
 * words with this sentence similarity: looser than a reported paraphrase (PARAPHRASE_THRESHOLDS) and than the quote
 * index's same-quote test, so a fabrication flag needs the words to be truly absent (an altered short quote whose
 * index match failed is not "fabricated").
 */
const CLOSE_PARAPHRASE = { similarity: 0.3, coverage: 0.5, quoted: true } as const;
/** …or when it holds this many of the quote's words in a row ("to be back in Michigan"). */
const SHARED_RUN = 4;

export interface QuoteArticle {
  id: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  addedAt: string;
}

export interface QuoteSpeaker {
  key: string;
  name: string;
  description: string | null;
}

export interface QuoteAppearance {
  article: QuoteArticle;
  /** Inside quotation marks, or restated without them. */
  form: 'quote' | 'paraphrase';
  /** `[start,end)` in the article's text: the words inside the marks, or the restating sentence. */
  span: { start: number; end: number };
  /** The speaker as this article gives it. */
  speaker: QuoteSpeaker | null;
  /** How closely it matches the query (share of content words; paraphrases: sentence similarity). */
  score: number;
  mutations: QuoteMutation[];
}

export interface QuoteWording {
  /** Normalised words (lower case): the grouping key. */
  words: string;
  /** The words as the earliest article of this wording writes them. */
  text: string;
  form: 'quote' | 'paraphrase';
  /** Word diff against the earliest version; null for the earliest wording itself and for paraphrases. */
  diff: WordDiffOp[] | null;
  appearances: QuoteAppearance[];
}

export interface QuoteTrail {
  /** The quote looked up (the query text, or the words of the article's quote). */
  query: string;
  /** How appearances are ordered: by published date when every one has a date, else by ingest order. */
  order: 'published' | 'ingest';
  earliest: QuoteAppearance | null;
  /** Groups of identical wording, the earliest wording first. */
  wordings: QuoteWording[];
  counts: { appearances: number; quoted: number; paraphrased: number; mutated: number };
}

export interface QuotesResult {
  schema: 'unspun.quotes/1';
  tool: { name: string; version: string };
  query: { text: string | null; article: number | null };
  trails: QuoteTrail[];
  timings: { lookupMs: number };
}

export interface QuotesOptions {
  vectors: Vectors;
  lexicon?: Lexicon;
  /** Look paraphrases up too (default true; off: the quote index alone). */
  paraphrases?: boolean;
  onWarning?: (message: string) => void;
}

interface Found {
  doc: number;
  form: 'quote' | 'paraphrase';
  start: number;
  end: number;
  words: string;
  speaker: QuoteSpeaker | null;
  speakerOrg: string | null;
  score: number;
}

/** `unspun quotes "<text>"`: every appearance of one quote in the corpus, earliest first, with its mutations. */
export async function quoteProvenance(store: Store, text: string, opts: QuotesOptions): Promise<QuotesResult> {
  const t0 = performance.now();
  const query = queryOf(text);
  if (!query.content.length)
    throw new InputError(`"${text.slice(0, 60)}" has no content words to look up (give a few words of the quote)`);
  const trail = await new Trails(store, opts).trail(query);
  return result({ text, article: null }, [trail], t0);
}

/** `unspun quotes --article <id>`: the trail of each quote in one stored article. */
export async function articleQuotes(store: Store, id: number, opts: QuotesOptions): Promise<QuotesResult> {
  const t0 = performance.now();
  if (!(await store.getMeta([id])).length) throw new InputError(`no article with id ${id} (see "unspun list")`);
  const trails = new Trails(store, opts);
  const out: QuoteTrail[] = [];
  const seen = new Set<string>();
  for (const q of await store.quotesOf(id)) {
    if (q.words.split(' ').length < MIN_QUOTE_WORDS || seen.has(q.words)) continue;
    seen.add(q.words);
    out.push(await trails.trail(storedQuery(q)));
  }
  return result({ text: null, article: id }, out, t0);
}

function result(query: QuotesResult['query'], trails: QuoteTrail[], t0: number): QuotesResult {
  return {
    schema: 'unspun.quotes/1',
    tool: { name: TOOL.name, version: TOOL.version },
    query,
    trails,
    timings: { lookupMs: Math.round(performance.now() - t0) },
  };
}

/** One lookup session: stored analyses and metas read once and shared by the trails of one command. */
class Trails {
  private readonly analyses = new Map<number, Analysis | null>();
  private readonly metas = new Map<number, ArticleMeta>();
  constructor(
    private readonly store: Store,
    private readonly opts: QuotesOptions,
  ) {}

  async trail(query: QuoteQuery): Promise<QuoteTrail> {
    const found = await this.quoted(query);
    if (this.opts.paraphrases !== false)
      found.push(...(await this.paraphrased(query, new Set(found.map((f) => f.doc)))));
    await this.loadMetas(found.map((f) => f.doc));
    const order = found.every((f) => validDate(this.metas.get(f.doc)?.published)) ? 'published' : 'ingest';
    found.sort((a, b) => this.compareDocs(a.doc, b.doc, order) || a.start - b.start);
    const appearances = found.map((f) => this.appearance(f));
    const trail: QuoteTrail = {
      query: query.text,
      order,
      earliest: appearances[0] ?? null,
      wordings: [],
      counts: { appearances: appearances.length, quoted: 0, paraphrased: 0, mutated: 0 },
    };
    if (!found.length) return trail;
    await this.markMutations(query, found, appearances, order);
    trail.wordings = await this.wordings(found, appearances);
    trail.counts.quoted = found.filter((f) => f.form === 'quote').length;
    trail.counts.paraphrased = found.length - trail.counts.quoted;
    trail.counts.mutated = appearances.filter((a) => a.mutations.length).length;
    return trail;
  }

  /** Quoted appearances from the quote index, the best match per article. */
  private async quoted(query: QuoteQuery): Promise<Found[]> {
    const best = new Map<number, { quote: StoredQuote; score: number }>();
    for (const m of await matchingQuotes(this.store, query)) {
      const prev = best.get(m.quote.doc);
      if (!prev || m.score > prev.score || (m.score === prev.score && m.quote.start < prev.quote.start))
        best.set(m.quote.doc, m);
    }
    return [...best.values()].map(({ quote: q, score }) => ({
      doc: q.doc,
      form: 'quote' as const,
      start: q.innerStart,
      end: q.innerEnd,
      words: q.words,
      speaker: q.speakerKey
        ? { key: q.speakerKey, name: q.speakerName ?? q.speakerKey, description: q.description }
        : null,
      speakerOrg: q.speakerOrg,
      score: round(score),
    }));
  }

  /** Restatements outside quotation marks, in the articles full-text search ranks highest for the quote's words. */
  private async paraphrased(query: QuoteQuery, quotedIn: Set<number>): Promise<Found[]> {
    const hits = await this.store.textSearch(query.text, PARAPHRASE_CANDIDATES + quotedIn.size);
    const ids = hits
      .map((h) => h.id)
      .filter((id) => !quotedIn.has(id))
      .slice(0, PARAPHRASE_CANDIDATES);
    await this.prefetch(ids);
    const out: Found[] = [];
    for (const id of ids) {
      const a = await this.analysis(id);
      const hit = a && paraphraseIn(a, query, this.opts.vectors, PARAPHRASE_THRESHOLDS);
      if (!a || !hit) continue;
      const attribution = a.attributions.find((x) => x.sentence === hit.sentence.id && x.speaker);
      out.push({
        doc: id,
        form: 'paraphrase',
        start: hit.sentence.start,
        end: hit.sentence.end,
        words: hit.sentence.text.toLowerCase(),
        speaker: attribution?.speaker
          ? { key: attribution.speaker.key, name: attribution.speaker.name, description: null }
          : null,
        speakerOrg: null,
        score: round(hit.score),
      });
    }
    return out;
  }

  private appearance(f: Found): QuoteAppearance {
    const m = this.metas.get(f.doc)!;
    return {
      article: { id: m.id, title: m.title, outlet: m.outlet, url: m.url, published: m.published, addedAt: m.addedAt },
      form: f.form,
      span: { start: f.start, end: f.end },
      speaker: f.speaker,
      score: f.score,
      mutations: [],
    };
  }

  private async markMutations(
    query: QuoteQuery,
    found: Found[],
    appearances: QuoteAppearance[],
    order: 'published' | 'ingest',
  ): Promise<void> {
    const first = found[0];
    found.forEach((f, i) => {
      const m = appearances[i].mutations;
      if (i === 0) return;
      if (first.form === 'quote' && f.form === 'paraphrase') m.push('quote-to-paraphrase');
      if (first.form === 'paraphrase' && f.form === 'quote') m.push('paraphrase-to-quote');
      if (first.form === 'quote' && f.form === 'quote' && !sameWording(first.words, f.words)) m.push('words-changed');
      if (first.speaker && f.speaker && !sameSpeaker(first, f)) m.push('speaker-changed');
      else if (first.speaker && !f.speaker) m.push('speaker-dropped');
      else if (!first.speaker && f.speaker) m.push('speaker-added');
    });
    if (await this.possiblyFabricated(query, first, order)) appearances[0].mutations.push('possibly-fabricated');
  }

  /**
   * Conservative by design (a missed flag costs less than a false one): the earliest appearance is a quote with a
   * speaker and at least MIN_QUOTE_WORDS words, its article copies an earlier stored article (shared LSH bands, or
   * another of its quotes found earlier), and that earlier article neither quotes nor restates the words.
   */
  private async possiblyFabricated(query: QuoteQuery, first: Found, order: 'published' | 'ingest'): Promise<boolean> {
    if (first.form !== 'quote' || !first.speaker || first.words.split(' ').length < MIN_QUOTE_WORDS) return false;
    const sources = await this.earlierCopied(first.doc, first.words, order);
    if (!sources.length) return false;
    const quoted = first.words.split(' ');
    for (const s of sources) {
      const a = await this.analysis(s);
      if (!a || paraphraseIn(a, query, this.opts.vectors, CLOSE_PARAPHRASE)) return false;
      // A run of the quote's words in the earlier text (an altered short quote the index could not pair) is not new.
      if (longestCommonRun(quoted, words(a.text)) >= SHARED_RUN) return false;
    }
    return true;
  }

  /** Earlier stored articles the article copies: near-duplicate text, or quotes it repeats from them. */
  private async earlierCopied(doc: number, words: string, order: 'published' | 'ingest'): Promise<number[]> {
    const a = await this.analysis(doc);
    if (!a) return [];
    const out = new Set<number>();
    // Both kinds of evidence asked at once (a server store answers them on separate connections).
    const [bands, quotes] = await Promise.all([this.store.bandMatches(fingerprint(a).bands), this.store.quotesOf(doc)]);
    for (const [other, n] of bands) if (other !== doc && n >= COPY_BANDS) out.add(other);
    if (!out.size) {
      const others = quotes
        .filter((q) => q.words !== words && q.words.split(' ').length >= MIN_QUOTE_WORDS)
        .slice(0, COPY_QUOTE_PROBES);
      const found = await Promise.all(others.map((q) => matchingQuotes(this.store, storedQuery(q))));
      for (const m of found.flat()) if (m.quote.doc !== doc) out.add(m.quote.doc);
    }
    await this.loadMetas([...out, doc]);
    return [...out].filter((o) => this.metas.has(o) && this.compareDocs(o, doc, order) < 0);
  }

  /** Groups by wording, earliest wording first, each with its text and its word diff against the earliest. */
  private async wordings(found: Found[], appearances: QuoteAppearance[]): Promise<QuoteWording[]> {
    const groups = new Map<string, { first: Found; appearances: QuoteAppearance[] }>();
    found.forEach((f, i) => {
      const key = `${f.form}:${f.words}`;
      const g = groups.get(key);
      if (g) g.appearances.push(appearances[i]);
      else groups.set(key, { first: f, appearances: [appearances[i]] });
    });
    const earliest = found[0];
    await this.prefetch([earliest.doc, ...[...groups.values()].map((g) => g.first.doc)]);
    const ea = await this.analysis(earliest.doc);
    const out: QuoteWording[] = [];
    for (const { first, appearances: members } of groups.values()) {
      const a = await this.analysis(first.doc);
      const text = a ? a.text.slice(first.start, first.end) : first.words;
      let diff: WordDiffOp[] | null = null;
      if (first !== earliest && first.form === 'quote' && earliest.form === 'quote' && a && ea) {
        const [eq, fq] = [quoteAt(ea, earliest.start), quoteAt(a, first.start)];
        if (eq && fq) diff = quoteWordDiff(ea, eq, a, fq, { vectors: this.opts.vectors, lexicon: this.opts.lexicon });
      }
      out.push({ words: first.words, text, form: first.form, diff, appearances: members });
    }
    return out;
  }

  private compareDocs(a: number, b: number, order: 'published' | 'ingest'): number {
    if (order === 'published') {
      const d = Date.parse(this.metas.get(a)!.published!) - Date.parse(this.metas.get(b)!.published!);
      if (d) return d;
    }
    return a - b;
  }

  private async loadMetas(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.metas.has(id));
    for (const m of await this.store.getMeta(missing)) this.metas.set(m.id, m);
  }

  /** Reads the analyses of several articles at once (one round trip each, concurrently on a server store). */
  private async prefetch(ids: number[]): Promise<void> {
    await Promise.all([...new Set(ids)].filter((id) => !this.analyses.has(id)).map((id) => this.analysis(id)));
  }

  /** A stored analysis, decoded once; a damaged row is skipped with a warning. */
  private async analysis(id: number): Promise<Analysis | null> {
    if (this.analyses.has(id)) return this.analyses.get(id)!;
    const row = await this.store.get(id);
    let a: Analysis | null = null;
    try {
      a = row ? decodeAnalysis(row.analysis) : null;
    } catch (e) {
      (this.opts.onWarning ?? warn)(`article ${id} skipped: ${(e as Error).message}`);
    }
    this.analyses.set(id, a);
    return a;
  }
}

/** One wording is the other trimmed (a run of its words): a shortened quote, not changed words. */
function sameWording(a: string, b: string): boolean {
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

/**
 * Same person, or the organisation the other speaks for: "Maria Lenz, a spokeswoman for X" / "X said", also when
 * the description names it without capitals ("Ines Brook, chair of the harbour board" / "the harbour board said").
 */
function sameSpeaker(a: Found, b: Found): boolean {
  if (!a.speaker || !b.speaker) return false;
  if (sameEntity(a.speaker.key, b.speaker.key)) return true;
  const speaksFor = (x: Found, y: QuoteSpeaker) =>
    (x.speakerOrg !== null && sameEntity(x.speakerOrg, y.key)) ||
    ` ${(x.speaker?.description ?? '').toLowerCase()} `.includes(` ${y.key} `);
  return speaksFor(a, b.speaker) || speaksFor(b, a.speaker);
}

function quoteAt(a: Analysis, innerStart: number): Quote | undefined {
  return a.quotes.find((q) => q.inner.start === innerStart);
}

function validDate(s: string | null | undefined): boolean {
  return typeof s === 'string' && Number.isFinite(Date.parse(s));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
