import type { Hono } from 'hono';
import { decodeAnalysis } from '../../store/codec.js';
import { showArticle } from '../../store/index.js';
import type { Analysis } from '../../types.js';
import type { ServerContext } from '../context.js';
import { problem, toProblem } from '../problem.js';
import { authorize } from '../security.js';
import { ErrorBox, Layout, TokenField } from './layout.js';
import { readForm } from '../inputs.js';
import { httpUrl } from '../../ingest/fetch.js';

const PAGE = 50;

function CorpusPage(props: {
  q: Record<string, string>;
  total: number;
  rows: Array<{
    id: number;
    title: string | null;
    url: string | null;
    outlet: string | null;
    published: string | null;
    words: number;
  }>;
  outlets: string[];
  offset: number;
  tokenNeeded: boolean;
  error?: string | null;
  /** The add form as sent, shown again after an error (pasted text is never wiped). */
  values?: Record<string, string>;
  /** The text snippet around the first match of the query, per article id. */
  snippets?: Map<number, Array<[string, boolean]>>;
}) {
  const { q } = props;
  const v = (k: string) => props.values?.[k] ?? '';
  const more = (offset: number) => `/corpus?${new URLSearchParams({ ...q, offset: String(offset) })}`;
  return (
    <Layout title="Corpus" active="/corpus">
      <h1>Corpus</h1>
      <ErrorBox message={props.error} />
      <form
        method="get"
        action="/corpus"
        class="search"
        aria-label="search the corpus"
        hx-get="/corpus"
        hx-target="#results"
        hx-select="#results"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="submit, input changed delay:400ms from:find input, change from:find select"
      >
        <label>
          Search <input type="search" name="q" value={q.q ?? ''} placeholder="words of the text or title" />
        </label>
        <label>
          Outlet{' '}
          <select name="outlet">
            <option value="">all outlets</option>
            {props.outlets.map((o) => (
              <option value={o} selected={o === q.outlet}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" name="from" value={q.from ?? ''} />
        </label>
        <label>
          To <input type="date" name="to" value={q.to ?? ''} />
        </label>
        <button type="submit">Search</button>
      </form>
      <section id="results" aria-live="polite">
        <p class="count">
          {props.total} article{props.total === 1 ? '' : 's'}
        </p>
        <table class="list">
          <thead>
            <tr>
              <th>id</th>
              <th>title</th>
              <th>outlet</th>
              <th>published</th>
              <th>words</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>{r.id}</td>
                <td>
                  <a href={`/articles/${r.id}`}>{r.title ?? r.url ?? `#${r.id}`}</a>
                  {props.snippets?.get(r.id) ? (
                    <p class="snippet">{props.snippets.get(r.id)!.map(([t, hit]) => (hit ? <mark>{t}</mark> : t))}</p>
                  ) : null}
                </td>
                <td>{r.outlet ?? '—'}</td>
                <td>{r.published ?? '—'}</td>
                <td>{r.words}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="pager">
          {props.offset > 0 ? <a href={more(Math.max(0, props.offset - PAGE))}>← previous</a> : null}{' '}
          {props.offset + PAGE < props.total ? <a href={more(props.offset + PAGE)}>next →</a> : null}
        </p>
      </section>
      <section class="add">
        <h2>Add articles</h2>
        <p>
          Files (.txt .html .md), JSON Lines (one article a line:{' '}
          <code>{'{"text", "title", "url", "outlet", "published"}'}</code>), RSS/Atom feeds, WARC, or URLs. Runs as a
          job with progress; the same text twice is stored once.
        </p>
        <form method="post" action="/corpus/add" enctype="multipart/form-data" class="add-form">
          <fieldset class="paste">
            <legend>Paste an article</legend>
            <label for="paste_text">Text or HTML</label>
            <textarea id="paste_text" name="text" rows={6}>
              {v('text')}
            </textarea>
            <div class="paste-meta">
              <label>
                Title <small>(optional)</small> <input name="title" value={v('title')} />
              </label>
              <label>
                Outlet <small>(optional)</small> <input name="outlet" value={v('outlet')} />
              </label>
              <label>
                Published <small>(optional)</small> <input name="published" type="date" value={v('published')} />
              </label>
            </div>
          </fieldset>
          <label for="files">or files</label>
          <input id="files" name="file" type="file" multiple />
          <label for="urls">or URLs (articles or feeds, one a line)</label>
          <textarea id="urls" name="urls" rows={3}>
            {v('urls')}
          </textarea>
          <TokenField needed={props.tokenNeeded} />
          <button type="submit">Add</button>
        </form>
      </section>
    </Layout>
  );
}

interface Layer {
  start: number;
  end: number;
  cls: string;
  title: string;
}

/** The analysis layers a reader checks: quotes and their speakers, attributions (with the verb's stance), figures. */
function layers(a: Analysis): Layer[] {
  const out: Layer[] = [];
  for (const q of a.quotes) {
    out.push({
      start: q.start,
      end: q.end,
      cls: 'l-quote',
      title: `quote${q.speaker ? ` — ${q.speaker.name}` : ', speaker unknown'}`,
    });
    if (q.speaker?.mention)
      out.push({
        start: q.speaker.mention.start,
        end: q.speaker.mention.end,
        cls: 'l-speaker',
        title: `speaker: ${q.speaker.name} (via ${q.speaker.via})`,
      });
  }
  for (const t of a.attributions) {
    out.push({
      start: t.content.start,
      end: t.content.end,
      cls: 'l-attr',
      title: `attributed to ${t.speaker?.name ?? 'unknown'} (${t.kind})`,
    });
    out.push({
      start: t.verb.start,
      end: t.verb.end,
      cls: `l-verb stance-${t.verb.stance}`,
      title: `reporting verb "${t.verb.lemma}": ${t.verb.stance}`,
    });
    if (t.speaker?.mention)
      out.push({
        start: t.speaker.mention.start,
        end: t.speaker.mention.end,
        cls: 'l-speaker',
        title: `speaker: ${t.speaker.name} (via ${t.speaker.via})`,
      });
  }
  for (const n of a.numbers)
    out.push({
      start: n.start,
      end: n.end,
      cls: 'l-figure',
      title: `${n.kind}: ${n.value}${n.valueMax !== undefined ? `–${n.valueMax}` : ''}${n.unit ? ` ${n.unit}` : ''} (${n.qualifier})`,
    });
  return out.filter((l) => l.end > l.start);
}

/** The text cut at every layer boundary; each piece carries the classes (and tooltips) of the layers over it. */
function LayeredText(props: { a: Analysis }) {
  const { text } = props.a;
  const ls = layers(props.a);
  const cuts = [...new Set([0, text.length, ...ls.flatMap((l) => [l.start, l.end])])]
    .filter((x) => x >= 0 && x <= text.length)
    .sort((x, y) => x - y);
  const pieces = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [a, b] = [cuts[k], cuts[k + 1]];
    const over = ls.filter((l) => l.start <= a && b <= l.end);
    const piece = text.slice(a, b);
    pieces.push(
      over.length ? (
        <span class={over.map((l) => l.cls).join(' ')} title={over.map((l) => l.title).join('\n')}>
          {piece}
        </span>
      ) : (
        piece
      ),
    );
  }
  return <div class="layered">{pieces}</div>;
}

/**
 * About 200 characters of `text` around the first match of a query word (word start, any case), the matches
 * marked: [piece, is a match] pairs. Null when no word matches (a title-only hit).
 */
export function snippet(text: string, query: string): Array<[string, boolean]> | null {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length > 1);
  if (!words.length) return null;
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(${words.map((w) => w.slice(0, Math.max(3, w.length - 2))).join('|')})[\\p{L}\\p{N}]*`,
    'giu',
  );
  const first = re.exec(text);
  if (!first) return null;
  const start = Math.max(0, first.index - 80);
  const end = Math.min(text.length, first.index + 120);
  const cut = text.slice(start, end).replace(/\s+/g, ' ');
  const out: Array<[string, boolean]> = [];
  let at = 0;
  re.lastIndex = 0; // exec() moved it; matchAll starts from it
  for (const m of cut.matchAll(re)) {
    if (m.index > at) out.push([cut.slice(at, m.index), false]);
    out.push([m[0], true]);
    at = m.index + m[0].length;
  }
  if (at < cut.length) out.push([cut.slice(at), false]);
  if (start > 0) out.unshift(['…', false]);
  if (end < text.length) out.push(['…', false]);
  return out;
}

export function registerCorpus(app: Hono, ctx: ServerContext): void {
  app.get('/corpus', async (c) => {
    const raw = c.req.query();
    const q = Object.fromEntries(
      ['q', 'outlet', 'from', 'to'].filter((k) => raw[k]).map((k) => [k, raw[k].slice(0, 500)]),
    );
    const offset = Math.max(0, Number(raw.offset) || 0);
    const { total, articles } = await ctx.search.search({ ...q, offset, limit: PAGE });
    const snippets = new Map<number, Array<[string, boolean]>>();
    if (q.q)
      for (const a of articles) {
        const row = await ctx.store.get(a.id);
        const cut = row ? snippet(decodeAnalysis(row.analysis).text, q.q) : null;
        if (cut) snippets.set(a.id, cut);
      }
    return c.html(
      <CorpusPage
        q={q}
        snippets={snippets}
        total={total}
        rows={articles}
        outlets={await ctx.search.outlets()}
        offset={offset}
        tokenNeeded={ctx.token !== null}
      />,
    );
  });

  app.post('/corpus/add', async (c) => {
    const form = await readForm(c, { all: true });
    try {
      authorize(c, ctx.token, form.token);
      const files = [form.file ?? []].flat().filter((f): f is File => f instanceof File && f.size > 0);
      const urls = [form.urls ?? []]
        .flat()
        .filter((u): u is string => typeof u === 'string')
        .flatMap((u) => u.split(/\s+/))
        .filter(Boolean);
      for (const u of urls)
        if (!/^https?:\/\//i.test(u))
          throw problem(
            400,
            `${u.slice(0, 80)}: only http(s) URLs in the URL box (paste article text in the box above)`,
          );
      const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
      const pasted = str('text');
      if (!files.length && !urls.length && !pasted) throw problem(400, 'paste a text, choose files or give URLs');
      const payload = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      // Pasted text goes in as one JSON Lines record, so title, outlet and date travel with it.
      if (pasted) {
        const record = {
          ...(/^\s*</.test(pasted) ? { html: pasted } : { text: pasted }),
          ...Object.fromEntries(['title', 'outlet', 'published'].filter((k) => str(k)).map((k) => [k, str(k)])),
        };
        payload.push({ name: 'pasted.jsonl', bytes: new TextEncoder().encode(`${JSON.stringify(record)}\n`) });
      }
      return c.redirect(`/jobs/${ctx.addJob(payload, urls)}`, 303);
    } catch (err) {
      const p = toProblem(err);
      if (p.problem.status >= 500) throw err;
      const { total, articles } = await ctx.search.search({ limit: PAGE });
      return c.html(
        <CorpusPage
          q={{}}
          total={total}
          rows={articles}
          outlets={await ctx.search.outlets()}
          offset={0}
          tokenNeeded={ctx.token !== null}
          error={p.problem.detail}
          values={Object.fromEntries(
            ['text', 'title', 'outlet', 'published', 'urls']
              .filter((k) => typeof form[k] === 'string')
              .map((k) => [k, form[k] as string]),
          )}
        />,
        p.problem.status as 400,
      );
    }
  });

  app.get('/articles/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const shown = await showArticle(ctx.store, id);
    if (!shown) throw problem(404, `no article with id ${id}`);
    const a = shown.analysis;
    return c.html(
      <Layout title={shown.title ?? `#${id}`} active="/corpus">
        <h1>{shown.title ?? `Article #${id}`}</h1>
        <p class="meta">
          #{id} · version {shown.version} of {shown.versions.length} · {shown.outlet ?? 'no outlet'} ·{' '}
          {shown.published ?? 'no date'} · {shown.words} words
          {httpUrl(shown.url) ? (
            <>
              {' · '}
              <a href={httpUrl(shown.url)!} rel="noreferrer noopener nofollow">
                {shown.url}
              </a>
            </>
          ) : shown.url ? (
            ` · ${shown.url}`
          ) : null}
        </p>
        <form method="post" action="/trace" class="inline" enctype="multipart/form-data">
          <input type="hidden" name="id" value={String(id)} />
          <button type="submit">Trace this article</button>
        </form>
        <fieldset class="layers" aria-label="analysis layers">
          <legend>Layers</legend>
          <label>
            <input type="checkbox" data-layer="l-quote" checked /> <span class="l-quote">quotes</span>
          </label>
          <label>
            <input type="checkbox" data-layer="l-speaker" checked /> <span class="l-speaker">speakers</span>
          </label>
          <label>
            <input type="checkbox" data-layer="l-attr" checked /> <span class="l-attr">attributions</span> and{' '}
            <span class="l-verb">reporting verbs</span>
          </label>
          <label>
            <input type="checkbox" data-layer="l-figure" checked /> <span class="l-figure">figures</span>
          </label>
        </fieldset>
        <article id="article-text">
          <LayeredText a={a} />
        </article>
        <section class="facts-lists">
          <h2>Quotes ({a.quotes.length})</h2>
          <ul>
            {a.quotes.map((q) => (
              <li>
                “{q.inner.text}” — <b>{q.speaker?.name ?? 'speaker unknown'}</b>
              </li>
            ))}
          </ul>
          <h2>Attributions ({a.attributions.length})</h2>
          <ul>
            {a.attributions.map((t) => (
              <li>
                <b>{t.speaker?.name ?? '?'}</b> {t.verb.text} <small>({t.verb.stance})</small>: {t.content.text}
              </li>
            ))}
          </ul>
          <h2>Figures ({a.numbers.length})</h2>
          <ul>
            {a.numbers.map((n) => (
              <li>
                {n.text} → {n.value}
                {n.unit ? ` ${n.unit}` : ''}{' '}
                <small>
                  ({n.kind}, {n.qualifier})
                </small>
              </li>
            ))}
          </ul>
        </section>
        <p class="danger">
          <a href={`/articles/${id}/delete`}>Remove this version…</a>
        </p>
      </Layout>,
    );
  });

  // Removing asks first: the link opens this page, and only its form removes.
  app.get('/articles/:id{[0-9]+}/delete', async (c) => {
    const id = Number(c.req.param('id'));
    const meta = (await ctx.store.getMeta([id]))[0];
    if (!meta) throw problem(404, `no article with id ${id}`);
    return c.html(
      <Layout title="Remove?" active="/corpus">
        <h1>Remove article #{id}?</h1>
        <p>
          “{meta.title ?? meta.url ?? `#${id}`}” ({meta.outlet ?? 'no outlet'}, {meta.published ?? 'no date'}) will be
          removed from the corpus with its index rows. This cannot be undone.
        </p>
        <form method="post" action={`/articles/${id}/delete`} class="danger confirm-remove">
          <TokenField needed={ctx.token !== null} />
          <button type="submit">Yes, remove it</button> <a href={`/articles/${id}`}>Cancel</a>
        </form>
      </Layout>,
    );
  });

  app.post('/articles/:id{[0-9]+}/delete', async (c) => {
    const form = await readForm(c);
    authorize(c, ctx.token, form.token);
    const id = Number(c.req.param('id'));
    if (!(await ctx.remove(id))) throw problem(404, `no article with id ${id}`);
    return c.redirect('/corpus', 303);
  });
}
