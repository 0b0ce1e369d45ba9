import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { REPORT_CSS, REPORT_JS } from '../report/html.js';

/** The package root, from src/server (tsx, vitest) or dist/src/server (the built CLI). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

export const ROOT = packageRoot();
/** Where `npm run build:client` (run by prepare and test) writes the bundled graph script. */
export const GRAPH_BUNDLE = join(ROOT, 'dist/static/graph.js');

interface Asset {
  type: string;
  body: string;
}

/**
 * Every script and stylesheet the pages use, served from this server (no CDN, no external fonts): our own
 * files, the report renderer's CSS and script, htmx from node_modules, and the esbuild bundle of the graph.
 * Read once at start.
 */
export function loadAssets(): Map<string, Asset> {
  const require = createRequire(import.meta.url);
  const js = 'text/javascript; charset=utf-8';
  const css = 'text/css; charset=utf-8';
  const own = (name: string) => readFileSync(join(ROOT, 'src/server/static', name), 'utf8');
  const assets = new Map<string, Asset>([
    ['app.css', { type: css, body: own('app.css') }],
    ['app.js', { type: js, body: own('app.js') }],
    ['report.css', { type: css, body: REPORT_CSS }],
    ['report.js', { type: js, body: REPORT_JS }],
    ['htmx.min.js', { type: js, body: readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8') }],
  ]);
  if (existsSync(GRAPH_BUNDLE)) assets.set('graph.js', { type: js, body: readFileSync(GRAPH_BUNDLE, 'utf8') });
  else
    assets.set('graph.js', {
      type: js,
      body: 'document.documentElement.dataset.graph="missing";console.warn("unspun: graph bundle not built (npm run build:client)");',
    });
  return assets;
}

export function registerStatic(app: Hono): void {
  const assets = loadAssets();
  app.get('/static/:name', (c) => {
    const a = assets.get(c.req.param('name'));
    if (!a) return c.notFound();
    return c.body(a.body, 200, { 'content-type': a.type, 'cache-control': 'public, max-age=3600' });
  });
}
