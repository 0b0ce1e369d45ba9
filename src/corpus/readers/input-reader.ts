import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { readFeedText, looksLikeFeed } from './feed-reader.js';
import { readJsonl } from './jsonl-reader.js';
import { failed, type ReadItem } from './record.js';
import { hostOf, readWarc } from './warc-reader.js';
import { fetchArticle, redactUrl } from '../../ingest/fetch.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/decode.js';
import { readPathCapped } from '../../ingest/read.js';

export interface ReadOptions {
  /** Per record (an article file, a URL body, one JSONL line, one WARC record). Default 10 MB. */
  maxBytes?: number;
  /** `--allow-private-urls`. */
  allowPrivate?: boolean;
}

const ARTICLE_EXT: Record<string, 'text' | 'html' | 'markdown'> = {
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
};
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const FEED_EXT = new Set(['.rss', '.atom', '.xml']);

type Kind = 'article' | 'jsonl' | 'feed' | 'warc' | null;

export function kindOf(path: string): Kind {
  const p = path.toLowerCase();
  if (p.endsWith('.warc') || p.endsWith('.warc.gz')) return 'warc';
  const ext = extname(p);
  if (ext in ARTICLE_EXT) return 'article';
  if (JSONL_EXT.has(ext)) return 'jsonl';
  if (FEED_EXT.has(ext)) return 'feed';
  return null;
}

/** Every record under the given files, directories (recursive, sorted) and http(s) URLs. */
export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const o = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, allowPrivate: opts.allowPrivate ?? false };
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) yield* readUrl(input, o);
    else if (input === '-') yield* readJsonl(process.stdin, o.maxBytes, 'stdin');
    else yield* readPath(input, true, o);
  }
}

async function* readPath(path: string, explicit: boolean, o: Required<ReadOptions>): AsyncGenerator<ReadItem> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    yield failed(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return;
  }
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const name of names) yield* readPath(join(path, name), false, o);
    return;
  }
  // Devices, FIFOs and sockets have no end or no size: a batch reads regular files only.
  if (!info.isFile()) {
    if (explicit) yield failed(path, 'not a regular file');
    return;
  }
  const kind = kindOf(path);
  if (kind === 'jsonl') yield* readJsonl(path, o.maxBytes);
  else if (kind === 'warc') yield* readWarc(path, o.maxBytes);
  else if (kind === 'feed' || kind === 'article') {
    let body: Buffer;
    try {
      body = await readPathCapped(path, { maxBytes: o.maxBytes });
    } catch (e) {
      yield failed(path, (e as Error).message);
      return;
    }
    if (kind === 'feed') {
      yield* readFeedText(body.toString('utf8'), path);
      return;
    }
    const format = ARTICLE_EXT[extname(path).toLowerCase()];
    yield {
      record: {
        article: resolve(path),
        source: path,
        body,
        format,
        url: null,
        title: null,
        published: null,
        outlet: null,
      },
    };
  } else if (explicit)
    yield failed(path, 'unsupported file type (expected .txt .html .htm .md .jsonl .rss .atom .xml .warc .warc.gz)');
}

async function* readUrl(url: string, o: Required<ReadOptions>): AsyncGenerator<ReadItem> {
  const shown = redactUrl(url);
  let bytes: Buffer;
  let type: string;
  let finalUrl: string;
  try {
    const got = await fetchArticle(url, { maxBytes: o.maxBytes, allowPrivate: o.allowPrivate, timeoutMs: 30_000 });
    type = got.contentType ?? '';
    bytes = got.bytes;
    finalUrl = got.finalUrl;
  } catch (e) {
    yield failed(shown, (e as Error).message);
    return;
  }
  const head = bytes.subarray(0, 2048).toString('utf8');
  if (/(rss|atom|rdf)\+xml|\/xml/i.test(type) || looksLikeFeed(head))
    yield* readFeedText(bytes.toString('utf8'), shown);
  // Bytes, not text: ingest detects the charset.
  else
    yield {
      record: {
        article: shown,
        source: shown,
        body: bytes,
        format: /html/i.test(type) ? 'html' : 'auto',
        url: finalUrl,
        title: null,
        published: null,
        outlet: hostOf(finalUrl),
      },
    };
}
