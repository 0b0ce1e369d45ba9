import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { failed, isoDate, type ReadItem } from './record.js';

/** HTML response records of a WARC or WARC.gz file; a truncated archive yields what it has, then a failure. */
export async function* readWarc(path: string): AsyncGenerator<ReadItem> {
  let n = 0;
  try {
    for await (const rec of WARCParser.iterRecords(createReadStream(path))) {
      n++;
      if (rec.warcType !== 'response') continue;
      const type = rec.httpHeaders?.headers.get('content-type') ?? '';
      if (!/html/i.test(type)) {
        await rec.skipFully();
        continue;
      }
      const url = rec.warcTargetURI ?? null;
      const where = `${path}#${n}`;
      let body: string;
      try {
        body = await rec.contentText();
      } catch (e) {
        yield failed(where, `unreadable WARC record: ${(e as Error).message}`);
        return;
      }
      if (!body.trim()) {
        yield failed(where, 'empty response body');
        continue;
      }
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
