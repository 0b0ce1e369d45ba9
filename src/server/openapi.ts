import { TOOL } from '../version.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problems = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: PROBLEM_TEXT[c], content: { 'application/problem+json': { schema: ref('Problem') } } },
    ]),
  );
const PROBLEM_TEXT: Record<number, string> = {
  400: 'invalid input (the problem lists each invalid field)',
  401: 'a write or URL fetch without the Bearer token (servers bound beyond loopback)',
  404: 'not found',
  413: 'body over the limit',
  415: 'not application/json',
  429: 'rate limit (Retry-After says when)',
};
const json = (schema: object, description = 'OK') => ({ description, content: { 'application/json': { schema } } });
const body = (schema: object) => ({ required: true, content: { 'application/json': { schema } } });
const jobAccepted = {
  '202': {
    ...json(ref('Job'), 'started as a job: poll the Location (GET /api/v1/jobs/{id})'),
    headers: { Location: { schema: { type: 'string' } } },
  },
};

/**
 * The OpenAPI 3.1 document served at /api/v1/openapi.json. Result documents are the CLI's JSON schemas
 * (`unspun.compare/3`, `unspun.trace/2`, …); their fields are described in the README and src/types.ts, so
 * they are given here by their `schema` tag rather than restated field by field.
 */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Unspun API',
    version: TOOL.version,
    description:
      "Forensics for rewritten news over HTTP: the same JSON documents as the CLI's --json. Errors are RFC 9457 problem documents.",
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: 'UNSPUN_TOKEN; required for writes and URL fetches when the server is bound beyond loopback',
      },
    },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: {
            type: 'array',
            items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
      ArticleSide: {
        description: 'An article: its text as a string, or an object with exactly one of text, html, url',
        oneOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              text: { type: 'string' },
              html: { type: 'string' },
              url: { type: 'string', format: 'uri' },
              title: { type: 'string' },
              published: { type: 'string' },
              byline: { type: 'string' },
              outlet: { type: 'string' },
            },
          },
        ],
      },
      Rules: {
        type: 'object',
        additionalProperties: { enum: ['off', 'high', 'medium', 'low', 'info'] },
        description: 'ESLint-style rule settings, as --rule',
      },
      Analysis: { type: 'object', properties: { schema: { const: 'unspun.analysis/2' } }, additionalProperties: true },
      Compare: {
        type: 'object',
        properties: {
          schema: { const: 'unspun.compare/3' },
          relation: { type: 'object' },
          scores: { type: 'object' },
          alignment: { type: 'array' },
          findings: { type: 'array' },
          order: {
            type: 'object',
            description:
              'the direction guard: likelyReversed (the inputs look swapped), confidence, confirmed, held (findings shown below their own severity, `heldFrom`, until the order is confirmed)',
          },
        },
        additionalProperties: true,
      },
      Trace: {
        type: 'object',
        properties: { schema: { const: 'unspun.trace/2' }, candidates: { type: 'array' } },
        additionalProperties: true,
      },
      List: {
        type: 'object',
        properties: { schema: { const: 'unspun.list/1' }, total: { type: 'integer' }, articles: { type: 'array' } },
      },
      Article: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          text: { type: 'string' },
          analysis: { $ref: '#/components/schemas/Analysis' },
        },
        additionalProperties: true,
      },
      Quotes: {
        type: 'object',
        properties: {
          schema: { const: 'unspun.quotes/1' },
          query: { type: 'object' },
          trails: {
            type: 'array',
            description:
              'per quote: order (published | ingest), earliest, wordings (words, text, form, diff, appearances with article, form, span, speaker, mutations), counts',
          },
        },
        additionalProperties: true,
      },
      Families: {
        type: 'object',
        properties: { schema: { const: 'unspun.families/2' }, families: { type: 'array' } },
        additionalProperties: true,
      },
      Family: {
        type: 'object',
        properties: {
          schema: { const: 'unspun.family/2' },
          id: { type: 'integer' },
          origin: { type: 'integer' },
          origins: { type: 'array' },
          members: { type: 'array' },
          edges: { type: 'array' },
          related: { type: 'array' },
        },
        additionalProperties: true,
      },
      Job: {
        type: 'object',
        properties: {
          schema: { const: 'unspun.job/1' },
          id: { type: 'string' },
          kind: { type: 'string' },
          state: { enum: ['queued', 'running', 'done', 'failed'] },
          progress: {
            type: 'object',
            properties: {
              done: { type: 'integer' },
              total: { type: ['integer', 'null'] },
              message: { type: ['string', 'null'] },
            },
          },
          error: { type: ['string', 'null'] },
          result: {},
        },
      },
    },
  },
  paths: {
    '/analyze': {
      post: {
        summary: 'Analyse one article (unspun analyze --json)',
        requestBody: body({
          type: 'object',
          required: ['article'],
          properties: { article: ref('ArticleSide'), tokens: { type: 'boolean' } },
        }),
        responses: { '200': json(ref('Analysis')), ...problems(400, 401, 413, 415) },
      },
    },
    '/compare': {
      post: {
        summary:
          'Compare a source with a suspected rewrite (unspun compare --json); the Link header gives the report page',
        requestBody: body({
          type: 'object',
          required: ['source', 'derived'],
          properties: { source: ref('ArticleSide'), derived: ref('ArticleSide'), rules: ref('Rules') },
        }),
        responses: { '200': json(ref('Compare')), ...problems(400, 401, 413, 415, 429) },
      },
    },
    '/trace': {
      post: {
        summary:
          'Likely sources of an article in the corpus (unspun trace --json); large corpora or async:true answer 202 with a job',
        requestBody: body({
          type: 'object',
          required: ['article'],
          properties: {
            article: { oneOf: [{ type: 'integer', description: 'a stored article id' }, ref('ArticleSide')] },
            top: { type: 'integer', minimum: 1, maximum: 50 },
            async: { type: 'boolean' },
          },
        }),
        responses: { '200': json(ref('Trace')), ...jobAccepted, ...problems(400, 401, 404, 413, 415, 429) },
      },
    },
    '/articles': {
      get: {
        summary:
          'Search and list stored articles (full-text search of the text, ranked; titles; outlet and date filters)',
        parameters: ['q', 'outlet', 'from', 'to', 'limit', 'offset'].map((name) => ({
          name,
          in: 'query',
          schema: { type: name === 'limit' || name === 'offset' ? 'integer' : 'string' },
        })),
        responses: { '200': json(ref('List')), ...problems(400) },
      },
      post: {
        summary:
          'Add articles (unspun add) as a job: multipart files (articles, JSONL, feeds, WARC) and URLs, or JSON {urls, records}',
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'array', items: { type: 'string', format: 'binary' } },
                  urls: { type: 'string' },
                },
              },
            },
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  urls: { type: 'array', items: { type: 'string', format: 'uri' } },
                  records: { type: 'array', items: { type: 'object' } },
                },
              },
            },
          },
        },
        responses: { ...jobAccepted, ...problems(400, 401, 413, 415) },
      },
    },
    '/articles/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        summary: 'One stored article with its analysis (unspun show --json)',
        responses: { '200': json(ref('Article')), ...problems(400, 404) },
      },
      delete: {
        summary: 'Remove one stored version (unspun rm)',
        security: [{ bearer: [] }],
        responses: { '204': { description: 'removed' }, ...problems(400, 401, 404) },
      },
    },
    '/families': {
      get: {
        summary: 'Reuse families (unspun families --json); computed as a job after each write',
        responses: { '200': json(ref('Families')), ...jobAccepted },
      },
    },
    '/families/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        summary: 'One family: members origin first, edges copy → source',
        responses: { '200': json(ref('Family')), ...jobAccepted, ...problems(400, 404) },
      },
    },
    '/quotes': {
      get: {
        summary:
          'Where a quote came from (unspun quotes --json): every appearance earliest first, grouped by wording, with its mutations against the earliest',
        parameters: [
          {
            name: 'q',
            in: 'query',
            schema: { type: 'string', maxLength: 500 },
            description: 'the quote or a few of its words',
          },
          {
            name: 'article',
            in: 'query',
            schema: { type: 'integer' },
            description: 'or: every quote of this stored article',
          },
        ],
        responses: { '200': json(ref('Quotes')), ...problems(400, 404) },
      },
    },
    '/jobs': {
      get: {
        summary: 'Recent jobs',
        responses: {
          '200': json({
            type: 'object',
            properties: { schema: { const: 'unspun.jobs/1' }, jobs: { type: 'array', items: ref('Job') } },
          }),
        },
      },
    },
    '/jobs/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: { summary: 'A job: progress, then its result', responses: { '200': json(ref('Job')), ...problems(404) } },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { '200': json({ type: 'object' }) } } },
  },
} as const;
