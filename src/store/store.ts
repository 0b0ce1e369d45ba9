/**
 * The corpus store: one small interface, one folder per backend (`sqlite/`, later `postgres/`),
 * with mirrored file names as in Kysely's dialects. Methods are async so a network backend fits the same shape.
 */

/** What a stored article version looks like without its analysis. */
export interface ArticleMeta {
  /** Store-wide id of this version (what `show`, `rm` and trace candidates use). */
  id: number;
  /** Identity shared by all versions: the record id, the URL, the file path, or `sha256:<hash>`. */
  article: string;
  /** 1 for the first text seen under `article`, +1 for each changed text. */
  version: number;
  /** sha256 of the extracted text (whitespace-normalised): the dedupe key. */
  hash: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** Input the record came from (file path, feed URL, `file.jsonl:12`). */
  source: string | null;
  addedAt: string;
  words: number;
}

/** Retrieval features of one article (see src/corpus/fingerprint.ts). */
export interface IndexFeatures {
  /** MinHash LSH band keys over word 5-shingles (band number folded in). */
  bands: number[];
  /** Rare "anchor" feature hashes: entity keys, numbers, rare lemmas. */
  anchors: number[];
  /** Document vector, quantised to int8 (scale 127). */
  vector: Int8Array;
}

/** One direct quote as the quote index keeps it (src/corpus/quotes/entries.ts). */
export interface QuoteEntry {
  /** `[start,end)` of the quote, marks included, and of the words inside the marks. */
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  /** The speaker as this article gives it (null: the article attributes the quote to no one). */
  speakerKey: string | null;
  speakerName: string | null;
  /** Organisation named in the speaker's description ("a spokeswoman for the Federal Railway Authority"). */
  speakerOrg: string | null;
  description: string | null;
  /** The quoted words, lower-cased and folded, one space apart: the wording appearances are grouped by. */
  words: string;
  /** The content words among them (comparable forms, in order, one space apart): what lookups compare. */
  content: string;
  /** Lookup keys over the content words (adjacent pairs), for near-duplicate lookup. */
  keys: number[];
}

/** A quote index row: the entry with its own id and the stored article version it sits in. */
export interface StoredQuote extends Omit<QuoteEntry, 'keys'> {
  id: number;
  doc: number;
}

export interface NewArticle extends Omit<ArticleMeta, 'id' | 'addedAt'> {
  /** sha1 of the raw input bytes: lets a re-run skip unchanged inputs before extraction. */
  rawHash: string;
  /** Encoded analysis (src/store/codec.ts). */
  analysis: Uint8Array;
  features: IndexFeatures;
  /** Distinct content-lemma hashes, to keep document frequencies. */
  lemmas: number[];
  /** The extracted text, for the full-text index (`textSearch`). */
  text: string;
  /** The article's direct quotes, for the quote index. */
  quotes: QuoteEntry[];
}

export interface StoredArticle extends ArticleMeta {
  analysis: Uint8Array;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  outlet?: string;
}

/** Differences between backends, declared rather than discovered (Kysely style). */
export interface StoreCapabilities {
  /** Several processes may write at once (sqlite: one writer at a time, others wait; postgres: yes, on many machines). */
  concurrentWriters: boolean;
  /** A job queue (pg-boss) can live beside the data: `add --queue`, `unspun worker`, `unspun jobs`. */
  queue: boolean;
  /** Where the data lives, for messages. */
  location: string;
}

/** A stored document scored against a query vector: cosine of the int8 vectors (dot / 127²). */
export interface VectorHit {
  id: number;
  score: number;
}

export interface Store {
  readonly backend: string;
  readonly capabilities: StoreCapabilities;

  /**
   * Stores records in ONE transaction (callers keep batches ≤ 1,000) and returns the metas of those stored, in
   * input order. The database enforces uniqueness: a record whose content hash is already stored (another writer
   * got there first) is skipped, not an error. The store assigns `version` (latest stored + 1 under `article`),
   * so concurrent writers never give two texts the same version.
   */
  insertBatch(records: NewArticle[]): Promise<ArticleMeta[]>;
  findByHash(hash: string): Promise<ArticleMeta | null>;
  findByRawHash(rawHash: string): Promise<ArticleMeta | null>;
  /** Newest version stored under an article identity. */
  latestVersion(article: string): Promise<ArticleMeta | null>;
  /** All versions stored under an article identity, oldest first. */
  versionsOf(article: string): Promise<ArticleMeta[]>;
  get(id: number): Promise<StoredArticle | null>;
  getMeta(ids: number[]): Promise<ArticleMeta[]>;
  list(opts?: ListOptions): Promise<ArticleMeta[]>;
  count(): Promise<number>;
  /** Deletes one version with its index rows; false when absent. */
  remove(id: number): Promise<boolean>;
  /** Every stored version in id order, in pages (for export and families). */
  iterate(pageSize?: number): AsyncIterable<StoredArticle>;

  /** For each document sharing at least one band key: how many keys it shares. */
  bandMatches(bands: number[]): Promise<Map<number, number>>;
  /** Posting lists of the given anchors: doc ids per anchor (capped at `maxPerAnchor`, common anchors skipped). */
  anchorPostings(anchors: number[], maxPerAnchor: number): Promise<Map<number, number[]>>;
  /** Document frequency of each lemma hash (0 when unseen). */
  lemmaDf(lemmas: number[]): Promise<Map<number, number>>;
  /**
   * Ranked full-text search (a lexical candidate generator beside bands, anchors and vectors): the `k` best
   * documents for the words of `text`, any of them matching, best first with the backend's relevance
   * (sqlite: FTS5 BM25 with the porter stemmer; postgres: summed IDF of the 32 rarest query words a document holds,
   * over a GIN-indexed English tsvector, so a whole article as the query stays a few index lookups). Scores are only comparable
   * within one answer: callers fuse ranks, not scores.
   */
  textSearch(text: string, k: number): Promise<Array<{ id: number; score: number }>>;
  /** All vectors in ascending id order, for a brute-force scan (ids[i] owns data[i*dim … (i+1)*dim)). */
  vectors(): Promise<{ ids: Int32Array; data: Int8Array; dim: number }>;
  /**
   * The `k` documents whose vectors are nearest the query (highest cosine first, ties by id), so a backend can use
   * its own index (pgvector). Empty when the stored vectors have another dimension.
   */
  nearestByVector(vector: Int8Array, k: number): Promise<VectorHit[]>;
  /** Cosine of the query with each given document's vector (ids without a vector are left out). */
  vectorScores(vector: Int8Array, ids: number[]): Promise<Map<number, number>>;
  /**
   * Posting lists of quote lookup keys: quote ids per key (capped at `maxPerKey`; a key more common than that says
   * little and is left out, as `anchorPostings` does).
   */
  quotePostings(keys: number[], maxPerKey: number): Promise<Map<number, number[]>>;
  /** Quote index rows by id (any order; unknown ids left out). */
  quotesById(ids: number[]): Promise<StoredQuote[]>;
  /** The quotes of one stored article version, in text order. */
  quotesOf(doc: number): Promise<StoredQuote[]>;
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
  /** Bytes used by the retrieval index (bands, anchors, vectors), for the budget of ≤ 2 KB per article. */
  indexBytes(): Promise<number>;
  close(): Promise<void>;
}
