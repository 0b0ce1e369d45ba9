import type { Hono } from 'hono';
import type { QuoteAppearance, QuotesResult, QuoteTrail, QuoteWording } from '../../corpus/quotes/index.js';
import type { WordDiffOp } from '../../corpus/quotes/word-diff.js';
import { MUTATION_LABELS, orderWords, speakerWords } from '../../report/quotes-text.js';
import type { ServerContext } from '../context.js';
import { toProblem } from '../problem.js';
import { ErrorBox, Layout } from './layout.js';

function QuotesPage(props: { q: string; result?: QuotesResult | null; error?: string | null }) {
  return (
    <Layout title="Quotes" active="/quotes">
      <h1>Where did this quote come from?</h1>
      <p class="lede">
        A quote, or a few of its words → every article in the corpus that quotes or restates it, earliest first, and how
        each copy differs from the earliest: words changed, speaker changed or dropped, quotation marks lost or added,
        or a quote no earlier article has.
      </p>
      <ErrorBox message={props.error} />
      <form method="get" action="/quotes" class="quotes-form">
        <label for="q">Quote or fragment</label>
        <input id="q" name="q" type="search" value={props.q} maxlength={500} required />
        <button type="submit">Look up</button>
      </form>
      {props.result ? <QuotesResultView result={props.result} /> : null}
    </Layout>
  );
}

export function QuotesResultView(props: { result: QuotesResult }) {
  const r = props.result;
  if (!r.trails.length) return <p>Article #{r.query.article} has no direct quotes of three words or more.</p>;
  return (
    <>
      {r.trails.map((t) => (
        <Trail trail={t} />
      ))}
    </>
  );
}

function Trail(props: { trail: QuoteTrail }) {
  const t = props.trail;
  if (!t.earliest)
    return (
      <section class="quote-trail">
        <h2>“{t.query}”</h2>
        <p>No stored article quotes or restates these words.</p>
      </section>
    );
  const earliest = t.earliest.article.id;
  // The timeline: every appearance in order, whatever its wording.
  const timeline = inOrder(t);
  return (
    <section class="quote-trail">
      <h2>“{t.query}”</h2>
      <p class="facts">
        {t.counts.appearances} appearance{t.counts.appearances === 1 ? '' : 's'}: {t.counts.quoted} quoted,{' '}
        {t.counts.paraphrased} restated without quotation marks, {t.counts.mutated} changed; {orderWords(t)}.
      </p>
      <ol class="quote-timeline">
        {timeline.map(({ a, w }) => (
          <li class="appearance" data-form={a.form} data-mutated={a.mutations.length ? 'yes' : 'no'}>
            <span class="when">{a.article.published?.slice(0, 10) ?? `#${a.article.id}`}</span>{' '}
            <a class="open-article" href={`/articles/${a.article.id}`}>
              {a.article.title ?? a.article.url ?? `#${a.article.id}`}
            </a>{' '}
            <small>
              #{a.article.id}
              {a.article.outlet ? ` · ${a.article.outlet}` : ''}
            </small>
            <div class="facts">
              {a.form === 'quote' ? 'quoted' : 'restated'} · {speakerWords(a)}
              {a.article.id === earliest ? ' · earliest' : ''}
              {a.article.id !== earliest ? (
                <>
                  {' · '}
                  <a class="open-compare" href={`/compare/${earliest}/${a.article.id}`}>
                    compare with the earliest
                  </a>
                </>
              ) : null}
            </div>
            {a.mutations.length ? (
              <ul class="mutations">
                {a.mutations.map((m) => (
                  <li class={`mutation mutation-${m}`}>{MUTATION_LABELS[m]}</li>
                ))}
              </ul>
            ) : null}
            {w.diff && a.mutations.includes('words-changed') ? <Diff ops={w.diff} /> : null}
          </li>
        ))}
      </ol>
      <h3>Wordings</h3>
      <ol class="wordings">
        {t.wordings.map((w) => (
          <li>
            {w.form === 'quote' ? <q>{w.text}</q> : <span class="restated">{w.text}</span>} — {w.appearances.length}{' '}
            article{w.appearances.length === 1 ? '' : 's'}
            {w.diff ? <Diff ops={w.diff} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A word diff against the earliest wording: removed words struck through, new ones underlined. */
function Diff(props: { ops: WordDiffOp[] }) {
  return (
    <p class="word-diff" title="words against the earliest version">
      {props.ops.map((o) =>
        o.op === 'same' ? (
          <span>{o.text} </span>
        ) : o.op === 'changed' ? (
          <>
            <del>{o.was}</del> <ins title={o.relation}>{o.text}</ins>{' '}
          </>
        ) : o.op === 'added' ? (
          <>
            <ins>{o.text}</ins>{' '}
          </>
        ) : (
          <>
            <del>{o.was}</del>{' '}
          </>
        ),
      )}
    </p>
  );
}

/** Every appearance with its wording, in the trail's order (published date, else ingest order). */
function inOrder(t: QuoteTrail): Array<{ a: QuoteAppearance; w: QuoteWording }> {
  const date = (x: QuoteAppearance) => Date.parse(x.article.published ?? '');
  return t.wordings
    .flatMap((w) => w.appearances.map((a) => ({ a, w })))
    .sort((x, y) =>
      t.order === 'published'
        ? date(x.a) - date(y.a) || x.a.article.id - y.a.article.id
        : x.a.article.id - y.a.article.id,
    );
}

export function registerQuotes(app: Hono, ctx: ServerContext): void {
  app.get('/quotes', async (c) => {
    const q = (c.req.query('q') ?? '').trim().slice(0, 500);
    const article = c.req.query('article');
    if (!q && !article) return c.html(<QuotesPage q="" />);
    try {
      const result = await ctx.quotes(
        article && /^\d+$/.test(article) && !q ? { article: Number(article) } : { q: q || (article ?? '') },
      );
      return c.html(<QuotesPage q={q} result={result} />);
    } catch (err) {
      const p = toProblem(err);
      if (p.problem.status >= 500) throw err;
      return c.html(<QuotesPage q={q} error={p.problem.detail ?? p.problem.title} />, p.problem.status as 400);
    }
  });
}
