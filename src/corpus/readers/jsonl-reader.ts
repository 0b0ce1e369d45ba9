import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
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
      article: id ?? url, source, body: (html ?? text)!, format: html ? 'html' : 'auto', url,
      title: str(r.title), published: isoDate(r.published), outlet: str(r.outlet),
      ...(analysis ? { analysis: new Uint8Array(Buffer.from(analysis, 'base64')) } : {}),
    },
  };
}

/** Streams a .jsonl file (or a stream, e.g. stdin); blank lines are skipped, bad lines reported with their line number. */
export async function* readJsonl(path: string | NodeJS.ReadableStream, label = String(path)): AsyncGenerator<ReadItem> {
  const input = typeof path === 'string' ? createReadStream(path, 'utf8') : path;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim()) yield parseJsonlLine(line, `${label}:${n}`);
  }
}
