import type { Hono } from 'hono';
import type { AddSummary, FamiliesResult, TraceResult } from '../../corpus/index.js';
import type { ServerContext } from '../context.js';
import type { JobView } from '../jobs.js';
import { problem } from '../problem.js';
import { Layout } from './layout.js';
import { TraceResultView } from './trace.js';

/** The progress line: a determinate bar once the total is known. Polled by htmx every second while running. */
export function JobStatus(props: { job: JobView }) {
  const { job } = props;
  const live = job.state === 'queued' || job.state === 'running';
  const p = job.progress;
  return (
    <div
      id="job-status"
      class={`job ${job.state}`}
      hx-get={live ? `/jobs/${job.id}/status` : undefined}
      hx-trigger={live ? 'every 1s' : undefined}
      hx-swap="outerHTML"
      aria-live="polite"
    >
      <p>
        <b data-state={job.state}>{job.state}</b> · {job.kind}
        {live || p.done ? ` · ${p.done}${p.total !== null ? ` of ${p.total}` : ''} done` : ''}
        {p.message ? ` · ${p.message}` : ''}
        {job.finishedAt
          ? ` · took ${((Date.parse(job.finishedAt) - Date.parse(job.createdAt)) / 1000).toFixed(1)} s`
          : ''}
      </p>
      {live ? p.total ? <progress max={p.total} value={p.done} /> : <progress /> : null}
      {job.error ? (
        <p class="error" role="alert">
          {job.error}
        </p>
      ) : null}
    </div>
  );
}

function AddResult(props: { summary: AddSummary }) {
  const s = props.summary;
  return (
    <section id="job-result">
      <h2>Added {s.added} articles</h2>
      <p>
        {s.versions} new versions · {s.duplicates} duplicates · {s.failed.length} failed
      </p>
      {s.failed.length ? (
        <ul class="failed">
          {s.failed.slice(0, 200).map((f) => (
            <li>
              {f.source}: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {s.ids.length ? (
        <>
          <h3>The articles</h3>
          <ul class="added">
            {s.ids.slice(0, 100).map((id) => (
              <li>
                <a href={`/articles/${id}`}>Article #{id}</a>
              </li>
            ))}
          </ul>
          {s.ids.length > 100 ? <p>… and {s.ids.length - 100} more.</p> : null}
        </>
      ) : null}
      <p>
        <a href="/corpus">Open the corpus</a>
      </p>
    </section>
  );
}

/** What a job was for, when its result says: the traced article's title, the count added. */
function jobSubject(j: JobView): string {
  const r = j.result as { query?: { title: string | null; id: number | null }; added?: number } | null;
  if (r?.query) return r.query.title ?? (r.query.id !== null ? `#${r.query.id}` : 'a pasted article');
  if (typeof r?.added === 'number') return `${r.added} articles`;
  return j.progress.message ?? '—';
}

export function registerJobs(app: Hono, ctx: ServerContext): void {
  const find = (id: string) => {
    const job = ctx.jobs.get(id);
    if (!job) throw problem(404, ctx.jobs.missing(id));
    return job;
  };
  app.get('/jobs', (c) => {
    const jobs = ctx.jobs.list();
    return c.html(
      <Layout title="Jobs" active="/jobs">
        <h1>Jobs</h1>
        {jobs.length ? (
          <table class="list">
            <thead>
              <tr>
                <th>started</th>
                <th>kind</th>
                <th>for</th>
                <th>state</th>
                <th>progress</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr>
                  <td>
                    <a href={`/jobs/${j.id}`}>{j.createdAt.replace('T', ' ').slice(0, 19)}</a>
                  </td>
                  <td>{j.kind}</td>
                  <td>{jobSubject(j)}</td>
                  <td>{j.state}</td>
                  <td>
                    {j.progress.done}
                    {j.progress.total !== null ? ` / ${j.progress.total}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No jobs yet. Adding articles, tracing and computing families run here.</p>
        )}
      </Layout>,
    );
  });

  app.get('/jobs/:id/status', (c) => {
    const job = find(c.req.param('id'));
    // Finished: reload the page so it shows the result.
    if (job.state === 'done' || job.state === 'failed') c.header('hx-refresh', 'true');
    return c.html(<JobStatus job={job} />);
  });

  app.get('/jobs/:id', (c) => {
    const job = find(c.req.param('id'));
    const live = job.state === 'queued' || job.state === 'running';
    let result = null;
    if (job.state === 'done' && job.kind === 'add') result = <AddResult summary={job.result as AddSummary} />;
    if (job.state === 'done' && job.kind === 'trace')
      result = <TraceResultView result={job.result as TraceResult & { queryKey?: string }} job={job.id} />;
    if (job.state === 'done' && job.kind === 'families') {
      const r = job.result as FamiliesResult;
      result = (
        <p id="job-result">
          {r.families.length} families found. <a href="/families">Open the families</a>
        </p>
      );
    }
    return c.html(
      <Layout
        title={`Job: ${job.kind}`}
        active={{ add: '/corpus', trace: '/trace', families: '/families' }[job.kind] ?? '/jobs'}
        head={
          live ? (
            <noscript>
              <meta http-equiv="refresh" content="2" />
            </noscript>
          ) : undefined
        }
      >
        <h1>
          {job.kind === 'add'
            ? 'Adding articles'
            : job.kind === 'trace'
              ? 'Trace'
              : job.kind === 'families'
                ? 'Families'
                : 'Job'}
        </h1>
        <JobStatus job={job} />
        {result}
      </Layout>,
    );
  });
}
