import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { raw } from 'hono/html';
import { problem } from '../problem.js';
import { ROOT } from '../static.js';
import { Layout } from './layout.js';

/** The docs a report links to: how verdicts are decided, fidelity, and one page per check. */
const DOC = /^(verdicts|fidelity|checks\/[a-z-]+)\.md$/;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline Markdown: code, bold, italics and links (relative .md links stay inside /docs/). */
function inline(s: string): string {
  return esc(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])[_*]([^_*]+)[_*](?=[\s).,;:]|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, text: string, href: string) => {
      const safe = /^https?:\/\//.test(href) || /^[\w./#-]+$/.test(href) ? href : '#';
      return `<a href="${safe}">${text}</a>`;
    });
}

/**
 * The small Markdown our docs use (headings, paragraphs, lists, tables, code blocks) as HTML: enough to read them
 * in the browser, so a report's "how verdicts are decided" link opens a page, not a 404 or raw text.
 */
export function markdownToHtml(md: string): string {
  const out: string[] = [];
  const lines = md.split(/\r?\n/);
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      out.push(`<pre><code>${esc(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6} /.test(line)) {
      flush();
      const level = line.indexOf(' ');
      out.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`);
    } else if (/^\s*\|/.test(line)) {
      flush();
      const rows: string[][] = [];
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++)
        rows.push(
          lines[i]
            .trim()
            .replace(/^\||\|$/g, '')
            .split(/(?<!\\)\|/)
            .map((c) => c.trim()),
        );
      i--;
      const body = rows.filter((r, k) => !(k === 1 && r.every((c) => /^:?-+:?$/.test(c))));
      const [head, ...rest] = body;
      out.push(
        `<div class="table-wrap"><table class="list"><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${rest.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`,
      );
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      flush();
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      for (; i < lines.length && /^\s*([-*]|\d+\.) /.test(lines[i]); i++) {
        let item = lines[i].replace(/^\s*([-*]|\d+\.) /, '');
        while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]) && !/^\s*([-*]|\d+\.) /.test(lines[i + 1]))
          item += ` ${lines[++i].trim()}`;
        items.push(`<li>${inline(item)}</li>`);
      }
      i--;
      out.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
    } else if (!line.trim()) flush();
    else para.push(line.trim());
  }
  flush();
  return out.join('\n');
}

export function registerDocs(app: Hono): void {
  app.get('/docs/:path{.+}', (c) => {
    const path = c.req.param('path');
    const file = join(ROOT, 'docs', path);
    if (!DOC.test(path) || !existsSync(file)) throw problem(404, `no page docs/${path}`);
    const md = readFileSync(file, 'utf8');
    const title = /^# (.+)$/m.exec(md)?.[1] ?? path;
    return c.html(
      <Layout title={title}>
        <article class="doc-page">{raw(markdownToHtml(md))}</article>
      </Layout>,
    );
  });
}
