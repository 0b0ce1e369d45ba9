import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { readFeedText, looksLikeFeed } from './feed-reader.js';
import { readJsonl } from './jsonl-reader.js';
import { failed, type ReadItem } from './record.js';
import { hostOf, readWarc } from './warc-reader.js';

const ARTICLE_EXT: Record<string, 'text' | 'html' | 'markdown'> = { '.txt': 'text', '.html': 'html', '.htm': 'html', '.md': 'markdown' };
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

/** Every record under the given files, directories (recursive, sorted) and http(s) URLs; `-` is JSON Lines on stdin. */
export async function* readInputs(inputs: string[], fetchImpl: typeof fetch = fetch): AsyncGenerator<ReadItem> {
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) yield* readUrl(input, fetchImpl);
    else if (input === '-') yield* readJsonl(process.stdin, 'stdin');
    else yield* readPath(input, true);
  }
}

async function* readPath(path: string, explicit: boolean): AsyncGenerator<ReadItem> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    yield failed(path, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return;
  }
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const name of names) yield* readPath(join(path, name), false);
    return;
  }
  const kind = kindOf(path);
  if (kind === 'jsonl') yield* readJsonl(path);
  else if (kind === 'warc') yield* readWarc(path);
  else if (kind === 'feed') yield* readFeedText(await readFile(path, 'utf8'), path);
  else if (kind === 'article') {
    const body = await readFile(path);
    const format = ARTICLE_EXT[extname(path).toLowerCase()];
    yield { record: { article: resolve(path), source: path, body, format, url: null, title: null, published: null, outlet: null } };
  } else if (explicit) yield failed(path, 'unsupported file type (expected .txt .html .htm .md .jsonl .rss .atom .xml .warc .warc.gz)');
}

async function* readUrl(url: string, fetchImpl: typeof fetch): AsyncGenerator<ReadItem> {
  let body: string;
  let type: string;
  try {
    const res = await fetchImpl(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
    if (!res.ok) {
      yield failed(url, `HTTP ${res.status}`);
      return;
    }
    type = res.headers.get('content-type') ?? '';
    body = await res.text();
  } catch (e) {
    yield failed(url, `fetch failed: ${(e as Error).message}`);
    return;
  }
  if (/(rss|atom)\+xml|\/xml/i.test(type) || looksLikeFeed(body)) yield* readFeedText(body, url);
  else yield { record: { article: url, source: url, body, format: /html/i.test(type) ? 'html' : 'auto', url, title: null, published: null, outlet: hostOf(url) } };
}
