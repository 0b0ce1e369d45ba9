import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { failed, isoDate, type ReadItem } from './record.js';

const CRLF2 = Buffer.from('\r\n\r\n');

/**
 * HTML response records of a WARC or WARC.gz file. The HTTP block is read raw and checked against
 * WARC Content-Length: warcio hands out a cut-off last record without complaint, we report it instead.
 * Bodies stay bytes so ingest can detect their encoding.
 */
export async function* readWarc(path: string): AsyncGenerator<ReadItem> {
  let n = 0;
  try {
    for await (const rec of WARCParser.iterRecords(createReadStream(path), { parseHttp: false })) {
      n++;
      const where = `${path}#${n}`;
      if (rec.warcType !== 'response') {
        await rec.skipFully();
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
      yield { record: { article: url, source: where, body, format: 'html', url, title: null, published: isoDate(rec.warcDate), outlet: url ? hostOf(url) : null } };
    }
  } catch (e) {
    yield failed(`${path}#${n + 1}`, `truncated or corrupt WARC: ${(e as Error).message}`);
  }
}

export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
