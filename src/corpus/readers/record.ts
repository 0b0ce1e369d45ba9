/** One article as a batch reader found it, before extraction. */
export interface RawRecord {
  /** Identity across versions: a record id, the URL, or the file path; null → the content hash decides. */
  article: string | null;
  /** Where it came from, for messages: `news/a.html`, `dump.jsonl:12`, `feed.xml#3`. */
  source: string;
  body: string | Uint8Array;
  format: 'auto' | 'text' | 'html' | 'markdown';
  url: string | null;
  title: string | null;
  published: string | null;
  outlet: string | null;
  /**
   * A stored analysis (an `unspun export` line), so a corpus moves between stores exactly. Checked before use
   * (prepare.ts: shape, text hash); the server drops it (`storedAnalyses: false`).
   */
  analysis?: Uint8Array;
}

/** Readers yield records or failures; a failure never stops the batch. */
export type ReadItem = { record: RawRecord } | { failed: { source: string; reason: string } };

export function failed(source: string, reason: string): ReadItem {
  return { failed: { source, reason } };
}

/** `published` as ISO text, or null when it does not parse. */
export function isoDate(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
