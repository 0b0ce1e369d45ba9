import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { WARCParser } from 'warcio';
import { DEFAULT_MAX_BYTES, mb } from '../../ingest/decode.js';
import { failed, isoDate, type ReadItem } from './record.js';

const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * HTML response records of a WARC or WARC.gz file. The HTTP block is read raw and checked against
 * WARC Content-Length: warcio hands out a cut-off last record without complaint, we report it instead.
 * Bodies stay bytes so ingest can detect their encoding.
 * Gzip is inflated by us, not by warcio, which stops quietly at a truncated or corrupt member: a gzip error, a
 * file with no WARC record at all and a record over `maxBytes` are each reported as a failed record.
 */
export async function* readWarc(path: string, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<ReadItem> {
  let n = 0;
  try {
    const gzip = await isGzip(path);
    const raw = createReadStream(path);
    const input = gzip ? raw.pipe(createGunzip()) : raw;
    if (gzip) raw.on('error', (e) => input.destroy(e));
    for await (const rec of WARCParser.iterRecords(input, { parseHttp: false })) {
      n++;
      const where = `${path}#${n}`;
      if (!rec.warcType) {
        yield failed(where, 'not a WARC record (no WARC-Type header)');
        return;
      }
      if (rec.warcType !== 'response') {
        await rec.skipFully();
        continue;
      }
      if (rec.warcContentLength > maxBytes) {
        await rec.skipFully();
        yield failed(where, `record is ${mb(rec.warcContentLength)}, over --max-bytes ${mb(maxBytes)}`);
        continue;
      }
      const block = Buffer.from(await rec.readFully(false));
      if (block.length < rec.warcContentLength) {
        yield failed(where, `truncated WARC record (${block.length} of ${rec.warcContentLength} bytes)`);
        return;
      }
      const split = block.indexOf(CRLF2);
      const head = split < 0 ? '' : block.subarray(0, split).toString('latin1');
      if (!/^content-type:.*html/im.test(head)) continue;
      if (/^transfer-encoding:\s*chunked/im.test(head)) {
        yield failed(where, 'chunked HTTP body in WARC is not supported');
        continue;
      }
      const body = block.subarray(split + 4);
      if (!body.length) {
        yield failed(where, 'empty response body');
        continue;
      }
      const url = rec.warcTargetURI ?? null;
      yield {
        record: {
          article: url,
          source: where,
          body,
          format: 'html',
          url,
          title: null,
          published: isoDate(rec.warcDate),
          outlet: url ? hostOf(url) : null,
        },
      };
    }
    if (n === 0)
      yield failed(path, gzip ? 'no WARC records in this gzip file' : 'no WARC records found (not a WARC file?)');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code?.startsWith('Z_') ? `gzip error (${err.message})` : err.message;
    yield failed(`${path}#${n + 1}`, `truncated or corrupt WARC: ${why}`);
  }
}

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
