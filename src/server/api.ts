import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { analysisToJson } from '../report/analysis.js';
import { showArticle } from '../store/index.js';
import { TOOL } from '../version.js';
import type { ServerContext } from './context.js';
import { ArticleSide, needsFetch, readForm, resolveSide } from './inputs.js';
import { OPENAPI } from './openapi.js';
import { problem, sendProblem, toProblem } from './problem.js';
import { authorize, clientOf } from './security.js';

const Rules = z.record(z.string(), z.enum(['off', 'high', 'medium', 'low', 'info'])).optional();
const CompareBody = z.object({ source: ArticleSide, derived: ArticleSide, rules: Rules }).strict();
const AnalyzeBody = z.object({ article: ArticleSide, tokens: z.boolean().optional() }).strict();
const TraceBody = z
  .object({
    article: z.union([z.number().int().positive(), ArticleSide]),
    top: z.number().int().min(1).max(50).optional(),
    async: z.boolean().optional(),
  })
  .strict();
const AddBody = z
  .object({
    urls: z
      .array(
        z
          .string()
          .url()
          .regex(/^https?:\/\//i, 'only http(s) URLs'),
      )
      .max(1000)
      .optional(),
    /** Records as in a JSON Lines file: `{text|html, id?, url?, title?, outlet?, published?}`. */
    records: z.array(z.record(z.string(), z.unknown())).max(100_000).optional(),
  })
  .strict()
  .refine((b) => (b.urls?.length ?? 0) + (b.records?.length ?? 0) > 0, 'give urls or records');
const ListQuery = z.object({
  q: z.string().max(500).optional(),
  outlet: z.string().max(500).optional(),
  from: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2026-12-01')
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2026-12-01')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const Id = z.coerce.number().int().positive();
const QuotesQuery = z
  .object({ q: z.string().trim().min(1).max(500).optional(), article: Id.optional() })
  .refine(
    (x) => (x.q === undefined) !== (x.article === undefined),
    'give q (a quote or a few of its words) or article',
  );

/** How deep a request body may nest: an article record is flat; 10⁵ brackets would overflow the stack later. */
const MAX_JSON_DEPTH = 32;

/** Reads a JSON body; malformed or absurdly nested JSON is a 400 problem, not a 500. */
async function json(c: Context): Promise<unknown> {
  if (!/application\/json/i.test(c.req.header('content-type') ?? ''))
    throw problem(415, 'send the body as application/json');
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw problem(400, 'the body is not valid JSON');
  }
  if (depthOver(body, MAX_JSON_DEPTH)) throw problem(400, `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
  return body;
}

/** True when `value` nests arrays/objects deeper than `max` (iterative: the check itself cannot overflow). */
function depthOver(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

/** The JSON API under /api/v1: the CLI's JSON documents over HTTP (same schemas, same kernel). */
export function apiRoutes(ctx: ServerContext): Hono {
  const api = new Hono();
  api.onError((err, c) => {
    const p = toProblem(err);
    if (p.problem.status >= 500) console.error(`unspun serve: ${c.req.method} ${c.req.path}:`, err);
    return sendProblem(c, p);
  });
  api.notFound((c) =>
    sendProblem(c, problem(404, `no endpoint ${c.req.method} ${c.req.path} (see /api/v1/openapi.json)`)),
  );
  const limit = (bytes: number) =>
    bodyLimit({
      maxSize: bytes,
      onError: (c) => sendProblem(c, problem(413, `the body is over ${Math.round(bytes / 1024 / 1024)} MB`)),
    });

  api.get('/', (c) =>
    c.json({
      tool: TOOL,
      openapi: '/api/v1/openapi.json',
      endpoints: Object.keys(OPENAPI.paths).map((p) => `/api/v1${p}`),
    }),
  );
  api.get('/openapi.json', (c) => c.json(OPENAPI));

  api.post('/analyze', limit(ctx.maxJsonBytes), async (c) => {
    const body = AnalyzeBody.parse(await json(c));
    if (needsFetch(body.article)) authorize(c, ctx.token);
    const side = await resolveSide(body.article, 'article');
    return c.json(analysisToJson(side.analysis, { tokens: body.tokens }));
  });

  api.post('/compare', limit(ctx.maxJsonBytes), async (c) => {
    const body = CompareBody.parse(await json(c));
    if (needsFetch(body.source) || needsFetch(body.derived)) authorize(c, ctx.token);
    ctx.limiter.check(clientOf(c));
    const [s, d] = await Promise.all([resolveSide(body.source, 'source'), resolveSide(body.derived, 'derived')]);
    const report = ctx.compare(s, d, body.rules ?? {});
    c.header('link', `</r/${report.id}>; rel="alternate"; type="text/html"`);
    return c.json(report.result);
  });

  api.post('/trace', limit(ctx.maxJsonBytes), async (c) => {
    const body = TraceBody.parse(await json(c));
    if (typeof body.article !== 'number' && needsFetch(body.article)) authorize(c, ctx.token);
    ctx.limiter.check(clientOf(c));
    const article = typeof body.article === 'number' ? body.article : await resolveSide(body.article, 'article');
    const out = await ctx.trace(article, body.top ?? 5, body.async ?? false);
    if ('result' in out) return c.json(out.result);
    return accepted(c, ctx, out.job);
  });

  api.get('/articles', async (c) => {
    const q = ListQuery.parse(c.req.query());
    const { total, articles } = await ctx.search.search(q);
    return c.json({ schema: 'unspun.list/1', total, articles });
  });

  api.get('/articles/:id', async (c) => {
    const shown = await showArticle(ctx.store, Id.parse(c.req.param('id')));
    if (!shown) throw problem(404, `no article with id ${c.req.param('id')}`);
    return c.json({ ...shown, analysis: analysisToJson(shown.analysis) });
  });

  api.post('/articles', limit(ctx.maxUploadBytes), async (c) => {
    authorize(c, ctx.token);
    let files: Array<{ name: string; bytes: Uint8Array }> = [];
    let urls: string[] = [];
    if (/multipart\/form-data/i.test(c.req.header('content-type') ?? '')) {
      const form = await readForm(c, { all: true });
      const got = [form.file ?? [], form.files ?? []].flat().filter((f): f is File => f instanceof File);
      files = await Promise.all(got.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      urls = [form.urls ?? []]
        .flat()
        .filter((u): u is string => typeof u === 'string')
        .flatMap((u) => u.split(/\s+/))
        .filter(Boolean);
      if (!files.length && !urls.length) throw problem(400, 'send files as "file" fields or URLs in "urls"');
    } else {
      const body = AddBody.parse(await json(c));
      urls = body.urls ?? [];
      if (body.records?.length)
        files = [
          { name: 'records.jsonl', bytes: Buffer.from(body.records.map((r) => JSON.stringify(r)).join('\n') + '\n') },
        ];
    }
    for (const u of urls) if (!/^https?:\/\//i.test(u)) throw problem(400, `${u}: only http(s) URLs`);
    return accepted(c, ctx, ctx.addJob(files, urls));
  });

  api.delete('/articles/:id', async (c) => {
    authorize(c, ctx.token);
    const id = Id.parse(c.req.param('id'));
    if (!(await ctx.remove(id))) throw problem(404, `no article with id ${id}`);
    return c.body(null, 204);
  });

  api.get('/families', async (c) => {
    const out = await ctx.families();
    if ('result' in out) return c.json(out.result);
    return accepted(c, ctx, out.job);
  });

  api.get('/families/:id', async (c) => {
    const id = Id.parse(c.req.param('id'));
    const out = await ctx.families();
    if (!('result' in out)) return accepted(c, ctx, out.job);
    const family = out.result.families.find((f) => f.id === id);
    if (!family) throw problem(404, `no family ${id} (${out.result.families.length} found)`);
    return c.json({ schema: 'unspun.family/2', tool: TOOL, ...family });
  });

  api.get('/quotes', async (c) => {
    const query = QuotesQuery.parse(c.req.query());
    return c.json(await ctx.quotes(query.q !== undefined ? { q: query.q } : { article: query.article! }));
  });

  api.get('/jobs', (c) => c.json({ schema: 'unspun.jobs/1', jobs: ctx.jobs.list() }));
  api.get('/jobs/:id', (c) => {
    const job = ctx.jobs.get(c.req.param('id'));
    if (!job) throw problem(404, ctx.jobs.missing(c.req.param('id')));
    return c.json(job);
  });

  return api;
}

/** 202 with the job document and its Location: the client polls GET /api/v1/jobs/:id. */
function accepted(c: Context, ctx: ServerContext, id: string): Response {
  c.header('location', `/api/v1/jobs/${id}`);
  return c.json(ctx.jobs.get(id), 202);
}
