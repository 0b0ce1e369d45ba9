import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'corpus');
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
export const tempDir = (tag: string) => mkdtempSync(join(tmpdir(), `unspun-${tag}-`));

/** One WARC response record holding an HTML page (gzip per record, as crawlers write them). */
export async function warcResponse(url: string, html: string, gzip: boolean): Promise<Uint8Array> {
  const rec = WARCRecord.create(
    { url, type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' } },
    (async function* () {
      yield new TextEncoder().encode(html);
    })(),
  );
  return WARCSerializer.serialize(rec, { gzip });
}

/** A short HTML page around paragraphs of plain text. */
export function page(title: string, text: string): string {
  const paras = text
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim()}</p>`)
    .join('\n');
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>\n${paras}</article></body></html>`;
}

/** `n` distinct articles as JSON Lines: the wire story's paragraphs rotated and stamped with a record number. */
export function bulletins(n: number, from = 0): string {
  const paras = fixture('wire-origin.txt')
    .split(/\n\s*\n/)
    .slice(1);
  const lines: string[] = [];
  for (let i = from; i < from + n; i++) {
    const rotated = [...paras.slice(i % paras.length), ...paras.slice(0, i % paras.length)];
    lines.push(
      JSON.stringify({ id: `rec-${i}`, text: `Bulletin ${i} from the Halden desk.\n\n${rotated.join('\n\n')}` }),
    );
  }
  return lines.join('\n') + '\n';
}
