import type { Hono } from 'hono';
import type { FamilyEdge } from '../../corpus/index.js';
import type { ServerContext } from '../context.js';
import { problem } from '../problem.js';
import { JobStatus } from './jobs.js';
import { EDGE_WORDS, edgeWords } from '../../report/edge-words.js';
import { Layout } from './layout.js';

/** An edge's label in words: "rewritten from · 72% of the text shared" (src/report/edge-words.ts). */
export function edgeLabel(e: FamilyEdge & { fidelity?: number }): string {
  return edgeWords(e);
}

/** The graph's legend, in the page (the canvas itself has no text a screen reader can reach). */
function Legend() {
  return (
    <ul class="graph-legend" aria-label="legend">
      <li>
        <span class="swatch origin" aria-hidden="true"></span> origin: the earliest text the others rest on
      </li>
      <li>
        <span class="swatch copy" aria-hidden="true"></span> a copy or rewrite
      </li>
      <li>
        <span class="line solid" aria-hidden="true"></span> arrow: “copied from” (points to the source)
      </li>
      <li>
        <span class="line dashed" aria-hidden="true"></span> dashed: shares text, direction unclear
      </li>
    </ul>
  );
}

export function registerFamilies(app: Hono, ctx: ServerContext): void {
  app.get('/families', async (c) => {
    const out = await ctx.families();
    if ('job' in out) {
      return c.html(
        <Layout title="Families" active="/families">
          <h1>Reuse families</h1>
          <p>Comparing every article with its likely relatives…</p>
          <JobStatus job={ctx.jobs.get(out.job)!} />
        </Layout>,
      );
    }
    const fams = out.result.families;
    return c.html(
      <Layout title="Families" active="/families">
        <h1>Reuse families</h1>
        {fams.length ? (
          <ol class="families">
            {fams.map((f) => {
              const origin = f.members.find((m) => m.id === f.origin) ?? f.members[0];
              return (
                <li>
                  <a href={`/families/${f.id}`}>Family {f.id}</a>: {f.members.length} articles, origin{' '}
                  <b>{origin.title ?? `#${origin.id}`}</b>
                  {origin.outlet ? ` (${origin.outlet})` : ''}
                </li>
              );
            })}
          </ol>
        ) : (
          <p>
            No reuse families in the corpus yet (add articles on the <a href="/corpus">Corpus</a> page).
          </p>
        )}
      </Layout>,
    );
  });

  app.get('/families/:id{[0-9]+}', async (c) => {
    const out = await ctx.families();
    if ('job' in out) return c.redirect('/families', 303);
    const f = out.result.families.find((x) => x.id === Number(c.req.param('id')));
    if (!f) throw problem(404, `no family ${c.req.param('id')}`);
    const name = (id: number) => {
      const m = f.members.find((x) => x.id === id);
      return m?.title ?? `#${id}`;
    };
    return c.html(
      <Layout title={`Family ${f.id}`} active="/families" scripts={['/static/graph.js']}>
        <h1>Family {f.id}</h1>
        <p>
          Arrows point from a copy to what it copied; the origin is at the top. Click an article to open it, an arrow to
          open its compare report; hover an article for its full title.
        </p>
        <Legend />
        <div id="graph" data-family={String(f.id)} role="img" aria-label={`reuse graph of family ${f.id}`}></div>
        <section class="graph-lists">
          <h2>Articles, origin first</h2>
          <ol class="members">
            {f.members.map((m) => (
              <li class={f.origin === m.id ? 'origin' : ''}>
                <a href={`/articles/${m.id}`}>{m.title ?? `#${m.id}`}</a>{' '}
                <small>
                  #{m.id}
                  {m.outlet ? ` · ${m.outlet}` : ''}
                  {m.published ? ` · ${m.published}` : ''}
                  {f.origin === m.id ? ' · origin' : ''}
                </small>
              </li>
            ))}
          </ol>
          <h2>Reuse</h2>
          <ul class="edges">
            {f.edges.map((e) => (
              <li>
                <a href={`/compare/${e.to}/${e.from}`}>
                  {name(e.from)} {e.directed ? (EDGE_WORDS[e.verdict] ?? 'copied from') : 'shares text with'}{' '}
                  {name(e.to)}
                </a>{' '}
                <small>{edgeLabel(e)}</small>
              </li>
            ))}
          </ul>
          {f.related.length ? (
            <>
              <h2>Related coverage</h2>
              <p>Articles outside this family linked to one of its members: the same story, not copies in its graph.</p>
              <ul class="related">
                {f.related.map((x) => (
                  <li>
                    <a href={`/articles/${x.id}`}>{x.title ?? `#${x.id}`}</a>{' '}
                    <small>
                      #{x.id}
                      {x.outlet ? ` · ${x.outlet}` : ''} · {x.verdict} with{' '}
                      <a href={`/compare/${x.with}/${x.id}`}>{name(x.with)}</a>
                      {x.family ? (
                        <>
                          {' · '}
                          <a href={`/families/${x.family}`}>family {x.family}</a>
                        </>
                      ) : (
                        ''
                      )}
                    </small>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </section>
      </Layout>,
    );
  });
}
