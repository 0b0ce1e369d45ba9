import type { Context, Hono } from 'hono';
import { compareToHtml } from '../../report/html.js';
import { compareToMarkdown } from '../../report/markdown.js';
import type { ServerContext, StoredReport } from '../context.js';
import { fromFile, readForm, resolveSide, type Resolved } from '../inputs.js';
import { problem, toProblem } from '../problem.js';
import { authorize, clientOf } from '../security.js';
import { ErrorBox, Layout, Nav, TokenField } from './layout.js';

type Form = Record<string, string | File | (string | File)[]>;

function Side(props: { side: 'source' | 'derived'; label: string; hint: string; values: Form }) {
  const v = (k: string) =>
    typeof props.values[`${props.side}_${k}`] === 'string' ? (props.values[`${props.side}_${k}`] as string) : '';
  return (
    <fieldset class="side">
      <legend>
        {props.label} <small>{props.hint}</small>
      </legend>
      <label for={`${props.side}_text`}>Paste the text or HTML</label>
      <textarea id={`${props.side}_text`} name={`${props.side}_text`} rows={12}>
        {v('text')}
      </textarea>
      <label for={`${props.side}_url`}>or a URL</label>
      <input id={`${props.side}_url`} name={`${props.side}_url`} type="url" placeholder="https://…" value={v('url')} />
      <label for={`${props.side}_file`}>or a file (.txt, .html, .md)</label>
      <input id={`${props.side}_file`} name={`${props.side}_file`} type="file" accept=".txt,.html,.htm,.md,text/*" />
    </fieldset>
  );
}

function ComparePage(props: { error?: string | null; values?: Form; tokenNeeded: boolean }) {
  return (
    <Layout title="Compare" active="/">
      <h1>Compare two articles</h1>
      <p class="lede">
        The original report and the suspicious copy: Unspun aligns them sentence by sentence and lists what the copy
        kept, changed, dropped and added, with both spans for every finding.
      </p>
      <ErrorBox message={props.error} />
      <form method="post" action="/compare" enctype="multipart/form-data" class="compare-form">
        <div class="sides">
          <Side side="source" label="Source" hint="the original" values={props.values ?? {}} />
          <Side side="derived" label="Derived" hint="the suspected rewrite" values={props.values ?? {}} />
        </div>
        <TokenField needed={props.tokenNeeded} />
        <button type="submit">Compare</button>
      </form>
    </Layout>
  );
}

/** Reads one side of the compare form: a file wins over a URL, a URL over pasted text. */
async function formSide(c: Context, ctx: ServerContext, form: Form, side: 'source' | 'derived'): Promise<Resolved> {
  const file = form[`${side}_file`];
  if (file instanceof File && file.size > 0) return fromFile(file, side);
  const url = typeof form[`${side}_url`] === 'string' ? (form[`${side}_url`] as string).trim() : '';
  if (url) {
    if (!/^https?:\/\//i.test(url)) throw problem(400, `${side}: only http(s) URLs`);
    authorize(c, ctx.token, form.token);
    return resolveSide({ url }, side);
  }
  const text = typeof form[`${side}_text`] === 'string' ? (form[`${side}_text`] as string) : '';
  if (!text.trim()) throw problem(400, `${side}: paste a text, give a URL or choose a file`);
  return resolveSide(/^\s*</.test(text) ? { html: text } : text, side);
}

/**
 * The report page: the same renderer as `compare --html`, with the app's navigation, download links, the docs it
 * links to, the direction guard's Swap and Keep buttons, and `links` (back to the trace, the articles).
 */
export function reportPage(report: StoredReport, base: string, links: Array<[string, string]> = []): string {
  const extra = links.map(([href, label]) => ` · <a href="${escAttr(href)}">${escAttr(label)}</a>`).join('');
  const nav = `${String(<Nav />)}
<p class="downloads">Permalink: <a href="${base}">${base}</a> · Download <a href="${base}/report.html" download>HTML</a> · <a href="${base}/report.md" download>Markdown</a> · <a href="${base}/report.json" download>JSON</a>${extra}</p>`;
  return compareToHtml(report.result, report.labels, {
    assets: { css: ['/static/app.css', '/static/report.css'], js: ['/static/report.js'] },
    nav,
    docs: '/docs/',
    order: { swap: `/r/${report.id}/swap`, keep: `/r/${report.id}/keep` },
  });
}

function escAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `?trace=<job id>` on a report opened from a trace result: a link back to it. */
function traceBack(c: Context): Array<[string, string]> {
  const job = c.req.query('trace') ?? '';
  return /^[0-9a-f-]{36,45}$/.test(job) ? [[`/jobs/${job}`, '← Back to the trace']] : [];
}

export function download(c: Context, report: StoredReport, ext: string): Response {
  const name = `unspun-${report.id}`;
  if (ext === 'json')
    return c.body(JSON.stringify(report.result, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.json"`,
    });
  if (ext === 'md')
    return c.body(compareToMarkdown(report.result, report.labels), 200, {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.md"`,
    });
  if (ext === 'html') {
    // The downloaded file is the self-contained one (inline style and script, no network), as `compare --html` writes.
    return c.body(compareToHtml(report.result, report.labels), 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="${name}.html"`,
    });
  }
  throw problem(404, `no ${ext} download (html, md, json)`);
}

export function registerCompare(app: Hono, ctx: ServerContext): void {
  app.get('/', (c) => c.html(<ComparePage tokenNeeded={ctx.token !== null} />));

  app.post('/compare', async (c) => {
    const form = (await readForm(c)) as Form;
    try {
      ctx.limiter.check(clientOf(c));
      const [s, d] = [await formSide(c, ctx, form, 'source'), await formSide(c, ctx, form, 'derived')];
      const report = ctx.compare(s, d);
      return c.redirect(`/r/${report.id}`, 303);
    } catch (err) {
      const p = toProblem(err);
      if (p.problem.status >= 500) throw err;
      for (const [k, v] of Object.entries(p.headers)) c.header(k, v);
      return c.html(
        <ComparePage error={p.problem.detail ?? p.problem.title} values={form} tokenNeeded={ctx.token !== null} />,
        p.problem.status as 400,
      );
    }
  });

  const cached = (c: Context) => {
    const report = ctx.report(c.req.param('id') ?? '');
    if (!report)
      throw problem(
        404,
        'this report is no longer in memory (the server keeps its most recent compares, up to a memory budget); run the compare again',
      );
    return report;
  };
  app.get('/r/:id', (c) => c.html(reportPage(cached(c), `/r/${cached(c).id}`, traceBack(c))));
  // The direction guard's buttons: the same inputs the other way round, or this order confirmed.
  app.get('/r/:id/swap', (c) => {
    const r = cached(c);
    ctx.limiter.check(clientOf(c));
    return c.redirect(`/r/${ctx.compare(r.sides[1], r.sides[0], r.rules).id}`, 303);
  });
  app.get('/r/:id/keep', (c) => {
    const r = cached(c);
    ctx.limiter.check(clientOf(c));
    return c.redirect(`/r/${ctx.compare(r.sides[0], r.sides[1], r.rules, 'confirmed').id}`, 303);
  });
  app.get('/r/:id/:file{report\\.(?:html|md|json)}', (c) => download(c, cached(c), c.req.param('file').split('.')[1]));

  // Stored articles: a permalink that survives restarts, as the trace and family pages link them.
  const pair = async (c: Context) => {
    const [a, b] = [Number(c.req.param('a')), Number(c.req.param('b'))];
    if (!Number.isInteger(a) || !Number.isInteger(b)) throw problem(404, 'article ids are whole numbers');
    // Each view recomputes the compare: it costs what POST /compare costs, so it counts against the same limit.
    ctx.limiter.check(clientOf(c));
    return ctx.compare(await ctx.stored(a), await ctx.stored(b));
  };
  app.get('/compare/:a/:b', async (c) =>
    c.html(
      reportPage(await pair(c), `/compare/${c.req.param('a')}/${c.req.param('b')}`, [
        ...traceBack(c),
        [`/articles/${c.req.param('a')}`, `Source article #${c.req.param('a')}`],
        [`/articles/${c.req.param('b')}`, `Derived article #${c.req.param('b')}`],
      ]),
    ),
  );
  app.get('/compare/:a/:b/:file{report\\.(?:html|md|json)}', async (c) =>
    download(c, await pair(c), c.req.param('file').split('.')[1]),
  );
}
