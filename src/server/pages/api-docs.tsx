import type { Hono } from 'hono';
import { OPENAPI } from '../openapi.js';
import { Layout } from './layout.js';

/** A readable rendering of /api/v1/openapi.json (no Swagger UI: it would need a CDN or inline scripts). */
export function registerApiDocs(app: Hono): void {
  app.get('/api', (c) => {
    const paths = Object.entries(OPENAPI.paths) as Array<[string, Record<string, unknown>]>;
    return c.html(
      <Layout title="API" active="/api">
        <h1>JSON API</h1>
        <p>
          Base <code>/api/v1</code>; the machine-readable document is{' '}
          <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {OPENAPI.openapi}). Results are the CLI's
          JSON documents; errors are <code>application/problem+json</code>. On a server bound beyond loopback, writes
          and URL fetches need <code>Authorization: Bearer $UNSPUN_TOKEN</code>.
        </p>
        <pre class="example">{`curl -s localhost:8080/api/v1/compare -H 'content-type: application/json' \\
  -d '{"source": "<original text>", "derived": {"url": "https://example.org/copy", "title": "Copy"}}'`}</pre>
        {paths.map(([path, ops]) =>
          Object.entries(ops)
            .filter(([m]) => m !== 'parameters')
            .map(([method, op]) => {
              const o = op as {
                summary: string;
                requestBody?: { content: Record<string, { schema: unknown }> };
                responses: Record<string, { description: string }>;
                security?: unknown;
              };
              return (
                <section class="endpoint" id={`${method}-${path}`}>
                  <h2>
                    <span class={`method ${method}`}>{method.toUpperCase()}</span> <code>/api/v1{path}</code>
                  </h2>
                  <p>
                    {o.summary}
                    {o.security ? ' (needs the token beyond loopback)' : ''}
                  </p>
                  {o.requestBody
                    ? Object.entries(o.requestBody.content).map(([type, body]) => (
                        <details>
                          <summary>request body ({type})</summary>
                          <pre>{JSON.stringify(body.schema, null, 2)}</pre>
                        </details>
                      ))
                    : null}
                  <ul class="responses">
                    {Object.entries(o.responses).map(([code, r]) => (
                      <li>
                        <b>{code}</b> {r.description}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            }),
        )}
      </Layout>,
    );
  });
}
