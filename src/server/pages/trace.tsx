import type { Context, Hono } from 'hono';
import type { TraceResult } from '../../corpus/index.js';
import type { ServerContext } from '../context.js';
import { fromFile, readForm, resolveSide, type Resolved } from '../inputs.js';
import { problem, toProblem } from '../problem.js';
import { authorize, clientOf } from '../security.js';
import { reportPage, download } from './compare.js';
import { verdictWords } from '../../report/summary.js';
import { ErrorBox, Layout, TokenField, pct } from './layout.js';

type Form = Record<string, string | File | (string | File)[]>;

function TracePage(props: { error?: string | null; tokenNeeded: boolean; count: number }) {
  return (
    <Layout title="Trace" active="/trace">
      <h1>Where did this article come from?</h1>
      <p class="lede">
        One article against the corpus ({props.count} stored): ranked likely sources with their roles — <b>origin</b> (
        {ROLE_WORDS.origin}), <b>sibling</b> ({ROLE_WORDS.sibling}), <b>copy</b> ({ROLE_WORDS.copy}), <b>related</b> (
        {ROLE_WORDS.related}).
      </p>
      <ErrorBox message={props.error} />
      <form method="post" action="/trace" enctype="multipart/form-data" class="trace-form">
        <label for="text">Paste the text or HTML</label>
        <textarea id="text" name="text" rows={12}></textarea>
        <label for="url">or a URL</label>
        <input id="url" name="url" type="url" placeholder="https://…" />
        <label for="file">or a file</label>
        <input id="file" name="file" type="file" accept=".txt,.html,.htm,.md,text/*" />
        <label for="id">or a stored article id</label>
        <input id="id" name="id" inputmode="numeric" pattern="[0-9]*" />
        <label for="top">candidates</label>
        <input id="top" name="top" type="number" min="1" max="50" value="5" />
        <TokenField needed={props.tokenNeeded} />
        <button type="submit">Trace</button>
      </form>
    </Layout>
  );
}

/** What a trace role means, in words (shown on every row and in the legend). */
export const ROLE_WORDS: Record<string, string> = {
  origin: 'the likely original this article was made from',
  sibling: 'another copy of the same original',
  copy: 'made from this article (it came later)',
  related: 'shares part of the story, but not as its source',
};

/**
 * The ranked candidates: the title opens the stored article, "compare report" the report of the candidate (as the
 * source) against the traced article, which links back here (`?trace=<job>`).
 */
export function TraceResultView(props: { result: TraceResult & { queryKey?: string }; job?: string }) {
  const r = props.result;
  const back = props.job ? `?trace=${props.job}` : '';
  const href = (cand: number) =>
    (r.query.id !== null ? `/compare/${cand}/${r.query.id}` : `/trace/q/${r.queryKey}/${cand}`) + back;
  return (
    <section id="job-result" class="trace-result">
      <h2>
        {r.candidates.length} likely source{r.candidates.length === 1 ? '' : 's'} for{' '}
        {r.query.title ?? (r.query.id !== null ? `#${r.query.id}` : 'the article')}
      </h2>
      <dl class="role-legend">
        {Object.entries(ROLE_WORDS).map(([role, words]) => (
          <div>
            <dt>
              <span class={`role role-${role}`}>{role}</span>
            </dt>
            <dd>{words}</dd>
          </div>
        ))}
      </dl>
      {r.candidates.length ? (
        <ol class="candidates">
          {r.candidates.map((c) => (
            <li class="candidate" data-role={c.role}>
              <span class={`role role-${c.role}`}>{c.role}</span>{' '}
              <a class="open-article" href={`/articles/${c.id}`}>
                {c.title ?? c.url ?? `#${c.id}`}
              </a>{' '}
              <small>
                #{c.id}
                {c.outlet ? ` · ${c.outlet}` : ''}
                {c.published ? ` · ${c.published}` : ''}
              </small>
              <div class="facts">
                {ROLE_WORDS[c.role] ?? c.role}: {verdictWords(c.relation.verdict)} ·{' '}
                <b>{pct(c.scores.derivedSupport)}</b> of the traced article has a counterpart in it ·{' '}
                {c.findings.length} finding{c.findings.length === 1 ? '' : 's'} ·{' '}
                <a class="open-compare" href={href(c.id)}>
                  compare report
                </a>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p>No stored article looks like a source of this one.</p>
      )}
    </section>
  );
}

export function registerTrace(app: Hono, ctx: ServerContext): void {
  app.get('/trace', async (c) =>
    c.html(<TracePage tokenNeeded={ctx.token !== null} count={await ctx.store.count()} />),
  );

  app.post('/trace', async (c) => {
    const form = (await readForm(c)) as Form;
    try {
      ctx.limiter.check(clientOf(c));
      const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
      const top = Math.min(50, Math.max(1, Number(str('top')) || 5));
      let article: number | Resolved;
      const file = form.file;
      if (str('id')) {
        if (!/^\d+$/.test(str('id'))) throw problem(400, `"${str('id')}" is not an article id`);
        article = Number(str('id'));
      } else if (file instanceof File && file.size > 0) article = await fromFile(file, 'article');
      else if (str('url')) {
        authorize(c, ctx.token, form.token);
        article = await resolveSide({ url: str('url') }, 'article');
      } else if (str('text'))
        article = await resolveSide(/^\s*</.test(str('text')) ? { html: str('text') } : str('text'), 'article');
      else throw problem(400, 'paste a text, give a URL, choose a file or a stored id');
      // Always a job from the page, so a long trace shows progress instead of a hanging request.
      const out = await ctx.trace(article, top, true);
      return c.redirect('job' in out ? `/jobs/${out.job}` : '/trace', 303);
    } catch (err) {
      const p = toProblem(err);
      if (p.problem.status >= 500) throw err;
      for (const [k, v] of Object.entries(p.headers)) c.header(k, v);
      return c.html(
        <TracePage
          error={p.problem.detail ?? p.problem.title}
          tokenNeeded={ctx.token !== null}
          count={await ctx.store.count()}
        />,
        p.problem.status as 400,
      );
    }
  });

  // The compare report of a candidate against a traced article that is not stored.
  const pair = async (c: Context, key: string, cand: string) => {
    const q = ctx.tracedQuery(key);
    if (!q) throw problem(404, 'this traced article is no longer in memory; trace it again');
    ctx.limiter.check(clientOf(c));
    return ctx.compare(await ctx.stored(Number(cand)), {
      analysis: q,
      bytes: q.text,
      label: q.title ?? 'traced article',
    });
  };
  app.get('/trace/q/:key/:cand{[0-9]+}', async (c) => {
    const job = c.req.query('trace') ?? '';
    const links: Array<[string, string]> = /^[0-9a-f-]{36,45}$/.test(job)
      ? [[`/jobs/${job}`, '← Back to the trace']]
      : [];
    links.push([`/articles/${c.req.param('cand')}`, `Source article #${c.req.param('cand')}`]);
    return c.html(reportPage(await pair(c, c.req.param('key'), c.req.param('cand')), c.req.path, links));
  });
  app.get('/trace/q/:key/:cand{[0-9]+}/:file{report\\.(?:html|md|json)}', async (c) =>
    download(c, await pair(c, c.req.param('key'), c.req.param('cand')), c.req.param('file').split('.')[1]),
  );
}
