import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

const NAV: Array<[string, string]> = [
  ['/', 'Compare'],
  ['/trace', 'Trace'],
  ['/corpus', 'Corpus'],
  ['/families', 'Families'],
  ['/quotes', 'Quotes'],
  ['/jobs', 'Jobs'],
  ['/api', 'API'],
];

export function Nav(props: { active?: string }) {
  return (
    <nav class="topnav" aria-label="main">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <a class="brand" href="/">
        Unspun
      </a>
      {NAV.map(([href, label]) => (
        <a href={href} aria-current={props.active === href ? 'page' : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}

/** Every page: no inline script or style (the CSP forbids them), htmx and our script served as files. */
export function Layout(props: { title: string; active?: string; children: Child; head?: Child; scripts?: string[] }) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta
            name="htmx-config"
            content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}'
          />
          <title>{props.title} · Unspun</title>
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/htmx.min.js" defer></script>
          <script src="/static/app.js" defer></script>
          {(props.scripts ?? []).map((s) => (
            <script src={s} defer></script>
          ))}
          {props.head}
        </head>
        <body class="app">
          <Nav active={props.active} />
          <main id="main" class="page" tabindex={-1}>
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}

/** The token field for forms that write or fetch, shown only when the server needs a token. */
export function TokenField(props: { needed: boolean }) {
  if (!props.needed) return null;
  return (
    <label class="token">
      Access token <input type="password" name="token" autocomplete="current-password" required />
    </label>
  );
}

export function ErrorBox(props: { message?: string | null }) {
  if (!props.message) return null;
  return (
    <p class="error" role="alert">
      {props.message}
    </p>
  );
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;
