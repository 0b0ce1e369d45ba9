import type { Vectors } from '../align/vectors.js';
import { sha1, sha256 } from '../hash.js';
import { extract } from '../ingest/index.js';
import { analyze } from '../nlp/index.js';
import { decodeAnalysis, encodeAnalysis } from '../store/codec.js';
import type { Analysis } from '../types.js';
import { storedVector } from './doc-vector.js';
import { fingerprint, type Fingerprint } from './fingerprint.js';
import type { RawRecord } from './readers/record.js';
import { quoteEntries } from './quotes/entries.js';
import type { QuoteEntry } from '../store/store.js';

/** A record after extraction and analysis, ready to be stored (structured-clone friendly for workers). */
export interface Prepared {
  hash: string;
  /** Extracted text, for the store's full-text index. */
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  outlet: string | null;
  analysis: Uint8Array;
  fp: Fingerprint;
  vector: Int8Array;
  /** Quote index rows. */
  quotes: QuoteEntry[];
}

/** The dedupe key: sha256 of the extracted text with whitespace runs collapsed (re-wrapping is not a new version). */
export function contentHash(text: string): string {
  return sha256(text.replace(/\s+/g, ' ').trim());
}

export function rawHash(body: string | Uint8Array): string {
  return sha1(body);
}

/** Extracts and analyses a record and turns the analysis into fingerprints: the CPU-heavy part of ingest. */
export function prepareRecord(r: RawRecord, vectors: Vectors): Prepared {
  if (r.analysis) return prepareStored(r, r.analysis, vectors);
  const body = typeof r.body === 'string' ? r.body : Buffer.from(r.body);
  const ex = extract(body, {
    format: r.format,
    url: r.url,
    meta: Object.fromEntries(
      Object.entries({ title: r.title, published: r.published, outlet: r.outlet }).filter(([, v]) => v),
    ),
  });
  if (!ex.text.trim() || !ex.blocks.length) throw new Error('no article text found');
  const a = analyze(ex);
  if (!a.sentences.length) throw new Error('no sentences found');
  return prepareAnalysis(a, vectors);
}

/**
 * An exported analysis, re-indexed but not re-extracted: the text (and so the content hash) stays the same. It is
 * checked, never trusted: its shape (analysisProblem), its text against the record's `text` (same content hash), and
 * the record's title, URL and date replace different ones inside it, so what is stored is what the line says.
 */
function prepareStored(r: RawRecord, bytes: Uint8Array, vectors: Vectors): Prepared {
  let a: Analysis;
  try {
    a = decodeAnalysis(bytes);
  } catch (e) {
    throw new Error(`"analysis" is not an unspun export analysis (${(e as Error).message})`);
  }
  if (!a.sentences.length) throw new Error('"analysis" holds no sentences');
  if (r.format === 'html' || typeof r.body !== 'string' || contentHash(r.body) !== contentHash(a.text))
    throw new Error('"analysis" does not match the record\'s "text" (export lines carry both)');
  // Where the line and its analysis disagree, the line wins. Where they agree, the given bytes are kept as they are,
  // so `export | add` moves a corpus byte for byte (the store fills a missing title or URL from the line anyway).
  let changed = false;
  for (const k of ['title', 'url', 'published'] as const)
    if (a[k] !== null && r[k] !== null && a[k] !== r[k] && !(k === 'published' && sameInstant(a[k], r[k]))) {
      a[k] = r[k];
      changed = true;
    }
  const p = prepareAnalysis(a, vectors);
  return changed ? p : { ...p, analysis: bytes };
}

/** "2026-03-13T09:30:00Z" and "…09:30:00.000Z" (how PostgreSQL gives a timestamp back) are one date. */
function sameInstant(a: string | null, b: string | null): boolean {
  const [x, y] = [Date.parse(a ?? ''), Date.parse(b ?? '')];
  return Number.isFinite(x) && x === y;
}

/** The stored form of an analysis: encoded, fingerprinted, with its document vector. */
export function prepareAnalysis(a: Analysis, vectors: Vectors): Prepared {
  return {
    hash: contentHash(a.text),
    text: a.text,
    title: a.title,
    published: a.published,
    url: a.url,
    outlet: a.outlet,
    analysis: encodeAnalysis(a),
    fp: fingerprint(a),
    vector: storedVector(a, vectors),
    quotes: quoteEntries(a),
  };
}
