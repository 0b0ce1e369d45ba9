import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { InputError } from '../errors.js';
import { DamagedAnalysisError } from '../store/codec.js';

/** An RFC 9457 problem document: what every API error answers with (`application/problem+json`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Each invalid field of a 400, with the path into the request body. */
  errors?: Array<{ path: string; message: string }>;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** A thrown problem: handlers `throw problem(404, 'no article 7')` and the error handler answers it. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail ?? problem.title);
  }
}

export function problem(
  status: number,
  detail?: string,
  extra: Partial<Problem> = {},
  headers: Record<string, string> = {},
): ProblemError {
  return new ProblemError(
    { type: 'about:blank', title: TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra },
    headers,
  );
}

/**
 * A kernel or reader message as a web client should read it: the limits are the server's, not CLI flags it cannot
 * pass (`over --max-bytes 2 MB` → `over the server's 2 MB limit`).
 */
export function forClients(message: string): string {
  return message
    .replace(/over --max-bytes ([\d.]+ ?\w+)/g, "over the server's $1 limit")
    .replace(/ \(pass --allow-private-urls to allow\)/g, '')
    .replace(/ \(--doc-timeout\)/g, '');
}

/** Maps any error to a problem: bad input → 400 with the one-line reason, anything unexpected → 500 without internals. */
export function toProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof ZodError) {
    const errors = err.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
    return problem(400, errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  if (err instanceof InputError) return problem(400, forClients(err.message));
  // A row stored before imports were checked: say which, rather than a 500 (the rest of the corpus still works).
  if (err instanceof DamagedAnalysisError)
    return problem(422, `a stored article cannot be read (${err.message}): remove it and add it again`);
  if (err instanceof HTTPException) return problem(err.status, err.message || undefined);
  return problem(500, 'the server could not complete the request (see its log)');
}

export function sendProblem(c: Context, p: ProblemError): Response {
  for (const [k, v] of Object.entries(p.headers)) c.header(k, v);
  return c.body(JSON.stringify(p.problem), p.problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}
