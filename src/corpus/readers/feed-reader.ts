import { parseFeed } from '@rowanmanning/feed-parser';
import { failed, isoDate, type ReadItem } from './record.js';

/** True when the text looks like RSS or Atom rather than a web page. */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 2000)
    .replace(/<\?xml[^>]*>|<!--[\s\S]*?-->/g, '')
    .trimStart();
  return /^<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

/** One record per item with content (or a description); items without either are reported. */
export function* readFeedText(xml: string, source: string): Generator<ReadItem> {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (e) {
    yield failed(source, `broken feed: ${(e as Error).message}`);
    return;
  }
  let i = 0;
  for (const item of feed.items) {
    i++;
    const where = `${source}#${i}`;
    const body = item.content ?? item.description;
    if (!body?.trim()) {
      yield failed(where, 'feed item has no content or description');
      continue;
    }
    yield {
      record: {
        article: item.url ?? item.id ?? null,
        source: where,
        body,
        format: /<[a-z][^>]*>/i.test(body) ? 'html' : 'auto',
        url: item.url,
        title: item.title,
        published: isoDate(item.published ?? item.updated),
        outlet: feed.title,
      },
    };
  }
}
