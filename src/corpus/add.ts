import { availableParallelism } from 'node:os';
import type { Vectors } from '../align/vectors.js';
import type { NewArticle, Store } from '../store/store.js';
import { JobTimeout } from '../batch/pool.js';
import { createAnalyzePool, DEFAULT_DOC_TIMEOUT_MS } from './analyze-pool.js';
import { claimVectorKind } from './doc-vector.js';
import { selectAnchors } from './fingerprint.js';
import { rawHash, type Prepared } from './prepare.js';
import { readInputs } from './readers/input-reader.js';
import type { RawRecord } from './readers/record.js';
import { hostOf } from './readers/warc-reader.js';
import { httpUrl } from '../ingest/fetch.js';

export interface AddProgress {
  read: number;
  added: number;
  duplicates: number;
  versions: number;
  failed: number;
  /** Records stored durably so far (committed chunks). */
  committed: number;
  source: string | null;
}

export interface AddOptions {
  /** Word vectors from `loadVectors()` for in-process analysis (worker threads load their own). */
  vectors: Vectors;
  /** Records per transaction (≤ 1,000). */
  chunkSize?: number;
  /** Analysis worker threads; 0 analyses in-process. Default: cores, at most 2 when the machine is shared. */
  workers?: number;
  /**
   * Time budget per document's analysis (ms, default DEFAULT_DOC_TIMEOUT_MS): an overrunning record is a failed
   * record and its worker is replaced. Needs worker threads (`workers` ≥ 1).
   */
  docTimeoutMs?: number;
  onProgress?: (p: AddProgress) => void;
  /** Called after each committed chunk (the crash test waits for it). */
  onCommit?: (p: AddProgress) => void;
  /** Per-record byte cap (files, URL bodies, JSONL lines, WARC records). */
  maxBytes?: number;
  /** `--allow-private-urls`: let URL inputs reach loopback and private addresses. */
  allowPrivateUrls?: boolean;
  /**
   * Take the `analysis` of `unspun export` lines (checked against their text) instead of re-analysing (default
   * true). The server sets false: a client's analysis is never stored, the text is analysed here.
   */
  storedAnalyses?: boolean;
  /** What a record's `source` (stored, listed, in failures) says instead of its path: the server names uploads. */
  relabel?: (source: string) => string;
}

export interface AddSummary {
  added: number;
  duplicates: number;
  /** Of `added`, how many were a changed text under a URL/id already stored. */
  versions: number;
  failed: Array<{ source: string; reason: string }>;
  /** Stored ids in input order. */
  ids: number[];
}

const MAX_CHUNK = 1000;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** The identity versions are kept under: the record's id or URL, else the content hash. */
export function identityOf(record: RawRecord, p: Prepared): string {
  return record.article ?? `sha256:${p.hash}`;
}

/** A prepared record as the store takes it (`add` and the queue worker build rows the same way). */
export function toNewArticle(
  record: RawRecord,
  raw: string,
  p: Prepared,
  lemmaDf: Map<number, number>,
  version: number,
): NewArticle {
  return {
    article: identityOf(record, p),
    version,
    hash: p.hash,
    rawHash: raw,
    // Only http(s) URLs are stored: a record's `javascript:` URL would become a link on the article page.
    url: httpUrl(p.url) ?? httpUrl(record.url),
    title: p.title ?? record.title,
    outlet: record.outlet ?? p.outlet ?? (httpUrl(p.url) ? hostOf(p.url!) : null),
    published: p.published ?? record.published,
    source: record.source,
    words: p.fp.words,
    analysis: p.analysis,
    features: { bands: p.fp.bands, anchors: selectAnchors(p.fp, lemmaDf), vector: p.vector },
    lemmas: p.fp.lemmas,
    text: p.text,
    quotes: p.quotes,
  };
}

/**
 * `unspun add`: reads files, directories, JSON Lines, feeds, WARCs and URLs, analyses on worker threads and
 * stores each new text once, committing every `chunkSize` records. Re-runs are idempotent, so a crashed run
 * resumes by running it again: committed chunks are kept, the rest is redone.
 */
export async function addPaths(store: Store, inputs: string[], opts: AddOptions): Promise<AddSummary> {
  const chunkSize = Math.max(1, Math.min(opts.chunkSize ?? MAX_CHUNK, MAX_CHUNK));
  await claimVectorKind(store);
  const pool = createAnalyzePool(
    opts.workers ?? Math.min(2, availableParallelism()),
    opts.vectors,
    opts.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS,
  );
  const progress: AddProgress = {
    read: 0,
    added: 0,
    duplicates: 0,
    versions: 0,
    failed: 0,
    committed: 0,
    source: null,
  };
  const summary: AddSummary = { added: 0, duplicates: 0, versions: 0, failed: [], ids: [] };
  const chunk: NewArticle[] = [];
  const chunkHashes = new Set<string>();
  const chunkRaw = new Set<string>();
  const chunkVersions = new Map<string, number>();
  const inFlight: Array<{ record: RawRecord; raw: string; job: Promise<Prepared | Error> }> = [];
  const window = Math.max(4, pool.size * 8);

  const fail = (source: string, reason: string) => {
    summary.failed.push({ source, reason });
    progress.failed++;
  };
  const commit = async () => {
    if (!chunk.length) return;
    const metas = await store.insertBatch(chunk);
    // Records another writer stored since we looked are skipped by the store: they are duplicates after all.
    const skipped = chunk.length - metas.length;
    progress.added -= skipped;
    progress.duplicates += skipped;
    progress.versions = Math.max(
      0,
      progress.versions - chunk.filter((r) => r.version > 1).length + metas.filter((m) => m.version > 1).length,
    );
    summary.ids.push(...metas.map((m) => m.id));
    progress.committed += metas.length;
    chunk.length = 0;
    chunkHashes.clear();
    chunkRaw.clear();
    chunkVersions.clear();
    opts.onCommit?.({ ...progress });
  };
  const settle = async () => {
    const { record, raw, job } = inFlight.shift()!;
    const p = await job;
    progress.source = record.source;
    if (p instanceof JobTimeout)
      fail(
        record.source,
        `analysis took longer than ${seconds(opts.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS)} (--doc-timeout)`,
      );
    else if (p instanceof Error) fail(record.source, p.message);
    else if (chunkHashes.has(p.hash) || (await store.findByHash(p.hash))) progress.duplicates++;
    else {
      const article = identityOf(record, p);
      const last = chunkVersions.get(article) ?? (await store.latestVersion(article))?.version ?? 0;
      chunk.push(toNewArticle(record, raw, p, await store.lemmaDf(p.fp.lemmas), last + 1));
      chunkHashes.add(p.hash);
      chunkRaw.add(raw);
      chunkVersions.set(article, last + 1);
      progress.added++;
      if (last > 0) progress.versions++;
      if (chunk.length >= chunkSize) await commit();
    }
    opts.onProgress?.({ ...progress });
  };

  try {
    for await (const item of readInputs(inputs, { maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivateUrls })) {
      progress.read++;
      if (opts.relabel) {
        if ('failed' in item) item.failed.source = opts.relabel(item.failed.source);
        else {
          item.record.source = opts.relabel(item.record.source);
          // A file's identity is its path: an upload's is its name, so re-uploading it makes a new version.
          if (item.record.article) item.record.article = opts.relabel(item.record.article);
        }
      }
      if ('failed' in item) {
        fail(item.failed.source, item.failed.reason);
        opts.onProgress?.({ ...progress, source: item.failed.source });
        continue;
      }
      if (opts.storedAnalyses === false) delete item.record.analysis;
      const raw = rawHash(item.record.body);
      // Same bytes as a stored record: skip before the costly extraction (this is what makes resume cheap).
      if (chunkRaw.has(raw) || inFlight.some((f) => f.raw === raw) || (await store.findByRawHash(raw))) {
        progress.duplicates++;
        opts.onProgress?.({ ...progress, source: item.record.source });
        continue;
      }
      const job = pool.run(item.record).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      inFlight.push({ record: item.record, raw, job });
      if (inFlight.length >= window) await settle();
    }
    while (inFlight.length) await settle();
    await commit();
    opts.onProgress?.({ ...progress, source: null });
  } finally {
    await pool.close();
  }
  summary.added = progress.added;
  summary.duplicates = progress.duplicates;
  summary.versions = progress.versions;
  return summary;
}
