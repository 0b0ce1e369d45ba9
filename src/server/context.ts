import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { compareAnalyses } from '../compare.js';
import { addPaths, families, trace, type AddSummary, type FamiliesResult, type TraceResult } from '../corpus/index.js';
import { decodeAnalysis } from '../store/codec.js';
import { articleQuotes, quoteProvenance, type QuotesResult } from '../corpus/quotes/index.js';
import type { Store } from '../store/store.js';
import type { Vectors } from '../align/vectors.js';
import type { Lexicon } from '../align/words/index.js';
import type { Analysis, CompareResult, SeveritySetting } from '../types.js';
import { ByteBoundedCache } from './byte-cache.js';
import { JobQueue } from './jobs.js';
import { ArticleSearch } from './search.js';
import { RateLimiter } from './security.js';
import { MAX_ARTICLE_BYTES, type Resolved } from './inputs.js';
import { forClients, problem } from './problem.js';

export interface ServerOptions {
  store: Store;
  /** Word vectors, loaded once at start (`loadVectors()`) and shared by every request and job. */
  vectors: Vectors;
  /** WordNet lexicon (`loadLexicon()`) for word alignment in compare reports; optional as in compare(). */
  lexicon?: Lexicon;
  /** When set, writes and URL fetches need it as a Bearer token (required when bound beyond loopback). */
  token?: string | null;
  /** Compare/trace requests per client per minute (0: no limit). */
  rateLimit?: number;
  /** Largest request body for JSON endpoints, and for uploads. */
  maxJsonBytes?: number;
  maxUploadBytes?: number;
  /** Corpora up to this size are traced within the request; larger ones as a job. */
  syncTraceLimit?: number;
  /** Memory the report cache behind permalinks (and traced articles) may hold, estimated (default 128 MB). */
  cacheBytes?: number;
  /**
   * Host header names this server answers to (`allowedHosts()`: the bound address and configured names); any other
   * is refused (DNS rebinding). Unset: no check (in-process tests without a socket).
   */
  hosts?: Set<string> | null;
}

/**
 * Rough bytes a report holds: both texts (UTF-16, counted twice for sentence copies) and a per-item overhead. An
 * estimate, not a measurement: the budget needs the order of magnitude, which the texts' length sets.
 */
function reportBytes(r: StoredReport): number {
  const { source: s, derived: d } = r.result;
  const items = s.sentences.length + d.sentences.length + r.result.alignment.length + r.result.findings.length;
  // The two analysed sides are kept too (the Swap and Keep buttons compare them again).
  return (
    4 * (s.text.length + d.text.length) +
    300 * items +
    analysisBytes(r.sides[0].analysis) +
    analysisBytes(r.sides[1].analysis)
  );
}

/** Rough bytes of an analysis: the text and about one 120-byte token object per 5 characters, plus the layers. */
function analysisBytes(a: Analysis): number {
  return 2 * a.text.length + 120 * a.tokens.length + 300 * a.sentences.length;
}

export interface StoredReport {
  id: string;
  result: CompareResult;
  labels: { source: string; derived: string };
  /** The inputs, so the page can compare them the other way round or confirm the order (direction guard). */
  sides: [Resolved, Resolved];
  rules: Record<string, SeveritySetting>;
}

/** Everything the routes share: the store, jobs, the report cache behind permalinks, search, the rate limiter. */
export class ServerContext {
  readonly store: Store;
  readonly vectors: Vectors;
  readonly lexicon: Lexicon | undefined;
  readonly token: string | null;
  readonly jobs = new JobQueue();
  readonly search: ArticleSearch;
  readonly limiter: RateLimiter;
  readonly maxJsonBytes: number;
  readonly maxUploadBytes: number;
  readonly syncTraceLimit: number;
  readonly hosts: Set<string> | null;
  readonly reports: ByteBoundedCache<string, StoredReport>;
  private familiesCache: { stamp: string; result: FamiliesResult } | null = null;
  private familiesJob: string | null = null;
  /** Analyses of traced articles that are not in the store, so their compare links can be opened. */
  private traced: ByteBoundedCache<string, Analysis>;
  private writes = 0;

  constructor(opts: ServerOptions) {
    this.store = opts.store;
    this.vectors = opts.vectors;
    this.lexicon = opts.lexicon;
    this.token = opts.token ?? null;
    this.limiter = new RateLimiter(opts.rateLimit ?? 120);
    this.search = new ArticleSearch(opts.store);
    this.maxJsonBytes = opts.maxJsonBytes ?? 8 * 1024 * 1024;
    this.maxUploadBytes = opts.maxUploadBytes ?? 64 * 1024 * 1024;
    this.syncTraceLimit = opts.syncTraceLimit ?? 2000;
    this.hosts = opts.hosts ?? null;
    const budget = opts.cacheBytes ?? 128 * 1024 * 1024;
    this.reports = new ByteBoundedCache(budget * 0.75, reportBytes);
    this.traced = new ByteBoundedCache(budget * 0.25, analysisBytes);
  }

  /** Compares two resolved articles and keeps the report for its permalink (the most recent, up to cacheBytes). */
  compare(
    s: Resolved,
    d: Resolved,
    rules: Record<string, SeveritySetting> = {},
    orientation: 'check' | 'confirmed' = 'check',
  ): StoredReport {
    const result = compareAnalyses(s.analysis, d.analysis, {
      rules,
      orientation,
      vectors: this.vectors,
      lexicon: this.lexicon,
      sourceBytes: s.bytes,
      derivedBytes: d.bytes,
    });
    const id = createHash('sha256')
      .update(`${result.source.sha256}:${result.derived.sha256}:${JSON.stringify(rules)}:${orientation}`)
      .digest('hex')
      .slice(0, 20);
    const report: StoredReport = {
      id,
      result,
      labels: { source: s.label, derived: d.label },
      sides: [s, d],
      rules,
    };
    this.reports.set(id, report);
    return report;
  }

  report(id: string): StoredReport | null {
    return this.reports.get(id) ?? null;
  }

  /** The stored article as a compare side. */
  async stored(id: number): Promise<Resolved> {
    const row = await this.store.get(id);
    if (!row) throw problem(404, `no article with id ${id}`);
    const analysis = decodeAnalysis(row.analysis);
    return { analysis, bytes: analysis.text, label: `#${id} ${row.title ?? row.url ?? ''}`.trim() };
  }

  /** Traces a stored id or an analysed article; a large corpus goes to a job (returns its id instead). */
  async trace(
    article: number | Resolved,
    top: number,
    forceJob: boolean,
  ): Promise<{ result: TraceResult } | { job: string }> {
    if (typeof article === 'number' && !(await this.store.getMeta([article])).length)
      throw problem(404, `no article with id ${article}`);
    const run = async () => {
      const r = await trace(this.store, typeof article === 'number' ? article : article.analysis, {
        top,
        vectors: this.vectors,
        onWarning: (m) => console.warn(`unspun serve: ${m}`),
      });
      if (typeof article !== 'number' && r.query.id === null) {
        const key = createHash('sha256').update(article.analysis.text).digest('hex').slice(0, 20);
        this.traced.set(key, article.analysis);
        (r as TraceResult & { queryKey?: string }).queryKey = key;
      }
      return r;
    };
    if (!forceJob && (await this.store.count()) <= this.syncTraceLimit) return { result: await run() };
    return {
      job: this.jobs.submit('trace', async (progress) => {
        progress({ message: 'comparing the short list' });
        const r = await run();
        progress({ message: `${r.candidates.length} candidates` });
        return r;
      }),
    };
  }

  /**
   * The trail of a quote (or of each quote of a stored article) through the corpus. Within the request: a lookup is
   * a few index reads and at most PARAPHRASE_CANDIDATES analyses, whatever the corpus size.
   */
  async quotes(query: { q: string } | { article: number }): Promise<QuotesResult> {
    const opts = {
      vectors: this.vectors,
      lexicon: this.lexicon,
      onWarning: (m: string) => console.warn(`unspun serve: ${m}`),
    };
    if ('q' in query) return quoteProvenance(this.store, query.q, opts);
    if (!(await this.store.getMeta([query.article])).length) throw problem(404, `no article with id ${query.article}`);
    return articleQuotes(this.store, query.article, opts);
  }

  tracedQuery(key: string): Analysis | null {
    return this.traced.get(key) ?? null;
  }

  /**
   * Adds articles as a job: uploaded files (articles, JSON Lines, feeds, WARC) are written to a private temporary
   * folder and read by the same `addPaths` as `unspun add`; URLs are fetched only through `fetchArticle`.
   */
  addJob(files: Array<{ name: string; bytes: Uint8Array }>, urls: string[]): string {
    return this.jobs.submit('add', async (progress): Promise<AddSummary & { schema: 'unspun.add/1' }> => {
      const dir = await mkdtemp(join(tmpdir(), 'unspun-upload-'));
      try {
        const paths: string[] = [];
        for (const [i, f] of files.entries()) {
          const p = join(dir, `${i}-${basename(f.name).replace(/[^\w.-]+/g, '_') || 'upload.txt'}`);
          await writeFile(p, f.bytes);
          paths.push(p);
        }
        const summary = await addPaths(this.store, [...paths, ...urls], {
          maxBytes: MAX_ARTICLE_BYTES * 4,
          vectors: this.vectors,
          storedAnalyses: false,
          // The private temporary path means nothing to users and must not be listed: name the upload instead.
          relabel: (source) =>
            source.startsWith(`${dir}/`) ? `upload:${source.slice(dir.length + 1).replace(/^\d+-/, '')}` : source,
          onProgress: (p) =>
            progress({ done: p.read, message: `${p.added} added · ${p.duplicates} duplicates · ${p.failed} failed` }),
        });
        progress({ total: summary.added + summary.duplicates + summary.failed.length });
        for (const f of summary.failed) f.reason = forClients(f.reason);
        return { schema: 'unspun.add/1', ...summary };
      } finally {
        this.wrote();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }

  async remove(id: number): Promise<boolean> {
    const ok = await this.store.remove(id);
    if (ok) this.wrote();
    return ok;
  }

  /** The families of the corpus when computed since the last write; otherwise the job computing them. */
  async families(): Promise<{ result: FamiliesResult } | { job: string }> {
    const stamp = `${this.writes}:${await this.store.count()}`;
    if (this.familiesCache?.stamp === stamp) return { result: this.familiesCache.result };
    const running = this.familiesJob ? this.jobs.get(this.familiesJob) : null;
    if (running && (running.state === 'queued' || running.state === 'running')) return { job: running.id };
    this.familiesJob = this.jobs.submit('families', async (progress) => {
      const result = await families(this.store, {
        vectors: this.vectors,
        onProgress: (done, total) => progress({ done, total }),
        onWarning: (m) => console.warn(`unspun serve: ${m}`),
      });
      this.familiesCache = { stamp, result };
      return result;
    });
    return { job: this.familiesJob };
  }

  private wrote(): void {
    this.writes++;
    this.search.invalidate();
  }
}
