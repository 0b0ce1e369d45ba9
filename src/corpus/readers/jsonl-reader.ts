import { createReadStream } from 'node:fs';
import { DEFAULT_MAX_BYTES, mb } from '../../ingest/decode.js';
import { failed, isoDate, type ReadItem } from './record.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** Parses one JSON Lines record `{id?, url?, title?, published?, outlet?, text? | html?}`. */
export function parseJsonlLine(line: string, source: string): ReadItem {
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (e) {
    return failed(source, `bad JSON: ${(e as Error).message}`);
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return failed(source, 'record is not a JSON object');
  const r = o as Record<string, unknown>;
  const html = str(r.html);
  const text = str(r.text);
  if (!html && !text) return failed(source, 'record has neither "text" nor "html"');
  const id = typeof r.id === 'number' ? String(r.id) : str(r.id);
  const url = str(r.url);
  const analysis = str(r.analysis);
  return {
    record: {
      article: id ?? url,
      source,
      body: (html ?? text)!,
      format: html ? 'html' : 'auto',
      url,
      title: str(r.title),
      published: isoDate(r.published),
      outlet: str(r.outlet),
      ...(analysis ? { analysis: new Uint8Array(Buffer.from(analysis, 'base64')) } : {}),
    },
  };
}

/**
 * Streams a .jsonl file; blank lines are skipped, bad lines reported with their line number. A byte-order mark
 * before the first record is dropped; a line longer than `maxBytes` is reported and skipped without being held
 * in memory whole.
 */
export async function* readJsonl(
  path: string | NodeJS.ReadableStream,
  maxBytes = DEFAULT_MAX_BYTES,
  label = typeof path === 'string' ? path : 'stdin',
): AsyncGenerator<ReadItem> {
  let n = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const line = (): ReadItem | null => {
    n++;
    const long = tooLong;
    const buf = Buffer.concat(parts);
    parts = [];
    size = 0;
    tooLong = false;
    if (long) return failed(`${label}:${n}`, `line is over --max-bytes ${mb(maxBytes)}`);
    let text = buf.toString('utf8');
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return text.trim() ? parseJsonlLine(text, `${label}:${n}`) : null;
  };
  try {
    for await (const raw of (typeof path === 'string' ? createReadStream(path) : path) as AsyncIterable<
      Buffer | string
    >) {
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
      let at = 0;
      for (let nl = chunk.indexOf(10, at); ; nl = chunk.indexOf(10, at)) {
        const piece = chunk.subarray(at, nl < 0 ? chunk.length : nl);
        if (!tooLong) {
          size += piece.length;
          if (size > maxBytes) {
            tooLong = true;
            parts = [];
          } else parts.push(piece);
        }
        if (nl < 0) break;
        const item = line();
        if (item) yield item;
        at = nl + 1;
      }
    }
  } catch (e) {
    yield failed(`${label}:${n + 1}`, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return;
  }
  if (size || tooLong) {
    const item = line();
    if (item) yield item;
  }
}
