import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { apiRoutes } from './api.js';
import { ServerContext, type ServerOptions } from './context.js';
import { problem, sendProblem, toProblem } from './problem.js';
import { CSP, hostName } from './security.js';
import { markInvisible } from '../report/invisible.js';
import { registerStatic } from './static.js';
import { Layout } from './pages/layout.js';
import { registerCompare } from './pages/compare.js';
import { registerTrace } from './pages/trace.js';
import { registerCorpus } from './pages/corpus.js';
import { registerFamilies } from './pages/families.js';
import { registerQuotes } from './pages/quotes.js';
import { registerJobs } from './pages/jobs.js';
import { registerApiDocs } from './pages/api-docs.js';
import { registerDocs } from './pages/docs.js';

/**
 * The web app and the JSON API on one Hono app. Tests call `app.request()` on it (no socket); `startServer`
 * serves it with @hono/node-server.
 */
export function createApp(opts: ServerOptions): { app: Hono; ctx: ServerContext } {
  const ctx = new ServerContext(opts);
  const app = new Hono();
  app.use('*', secureHeaders({ referrerPolicy: 'same-origin', crossOriginEmbedderPolicy: false }));
  app.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
    // Bidi controls and invisible characters from articles show as marks on every page (report/invisible.ts).
    // The mark is entity-escaped, so it is text wherever it lands, in an element or in an attribute.
    if (/^text\/html/.test(c.res.headers.get('content-type') ?? '')) {
      const html = await c.res.text();
      const marked = markInvisible(html);
      const res = new Response(marked === html ? html : marked.replace(/<(U\+[0-9A-F]{4})>/g, '&lt;$1&gt;'), c.res);
      res.headers.delete('content-length');
      c.res = res;
    }
  });
  // DNS rebinding: a page on evil.example whose name re-resolves to 127.0.0.1 sends `Host: evil.example` (and a
  // matching Origin, so the Origin check alone passes). Only our own names are answered.
  app.use('*', async (c, next) => {
    // The request URL's host is the Host header (node-server builds the URL from it).
    const host = hostName(new URL(c.req.url).host);
    if (ctx.hosts && !ctx.hosts.has(host))
      throw problem(
        403,
        `this server does not answer to the host name "${host}" (add it with --allowed-host or UNSPUN_ALLOWED_HOSTS)`,
      );
    return next();
  });
  // Writes come only from our own pages or from non-browser clients: a page elsewhere cannot make a browser on
  // this machine add, remove or fetch (browsers always send Origin or Sec-Fetch-Site on a cross-site POST).
  app.use('*', async (c, next) => {
    if (/^(GET|HEAD|OPTIONS)$/.test(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if ((origin && origin !== new URL(c.req.url).origin) || (site && site !== 'same-origin' && site !== 'none'))
      throw problem(403, 'cross-site request refused');
    return next();
  });
  app.route('/api/v1', apiRoutes(ctx));
  registerStatic(app);
  app.get('/favicon.ico', (c) => c.body(null, 204));
  // Page forms: uploads may be large; everything else is small.
  app.use(
    '/corpus/add',
    bodyLimit({
      maxSize: ctx.maxUploadBytes,
      onError: () => {
        throw problem(413, `the upload is over ${ctx.maxUploadBytes / 1024 / 1024} MB`);
      },
    }),
  );
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST' || c.req.path === '/corpus/add' || c.req.path.startsWith('/api/')) return next();
    return bodyLimit({
      maxSize: ctx.maxJsonBytes,
      onError: () => {
        throw problem(413, `the form is over ${ctx.maxJsonBytes / 1024 / 1024} MB`);
      },
    })(c, next);
  });
  registerCompare(app, ctx);
  registerTrace(app, ctx);
  registerCorpus(app, ctx);
  registerFamilies(app, ctx);
  registerQuotes(app, ctx);
  registerJobs(app, ctx);
  registerApiDocs(app);
  registerDocs(app);
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return sendProblem(c, problem(404, `no endpoint ${c.req.method} ${c.req.path} (see /api/v1/openapi.json)`));
    return c.html(<ErrorPage status={404} message={`Nothing at ${c.req.path}.`} />, 404);
  });
  app.onError((err, c) => {
    const p = toProblem(err);
    if (c.req.path.startsWith('/api/')) return sendProblem(c, p);
    if (p.problem.status >= 500) console.error(`unspun serve: ${c.req.method} ${c.req.path}:`, err);
    for (const [k, v] of Object.entries(p.headers)) c.header(k, v);
    return c.html(
      <ErrorPage status={p.problem.status} message={p.problem.detail ?? p.problem.title} />,
      p.problem.status as 400,
    );
  });
  return { app, ctx };
}

function ErrorPage(props: { status: number; message: string }) {
  return (
    <Layout title={`Error ${props.status}`}>
      <h1>Error {props.status}</h1>
      <p class="error" role="alert">
        {props.message}
      </p>
      <p>
        <a href="/">Back to Compare</a>
      </p>
    </Layout>
  );
}
