import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/align/vectors.js';
import { compareAnalyses } from '../../src/compare.js';
import { DEFAULT_MAX_BYTES } from '../../src/ingest/decode.js';
import { MAX_ANALYSED_CHARS } from '../../src/nlp/01-sentences.js';
import { familiesToDot, familiesToGraphml } from '../../src/corpus/graph-format.js';
import { extract } from '../../src/ingest/index.js';
import { guardHtml } from '../../src/ingest/html-guard.js';
import { analyze } from '../../src/nlp/index.js';
import { analysisToJson, analysisToTerminal } from '../../src/report/analysis.js';
import { compareToMarkdown } from '../../src/report/markdown.js';
import { compareToTerminal } from '../../src/report/terminal.js';
import { familiesToText, traceToText } from '../../src/cli/corpus.js';
import { sentences } from './helpers.js';

/** Wall-clock budgets are generous (CI shares 2 cores); the measured times are printed for the report. */
function timed<T>(label: string, fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  const ms = Math.round(performance.now() - t0);
  console.log(`[hostile] ${label}: ${ms} ms`);
  return { value, ms };
}
const analyseText = (s: string, format: 'text' | 'html' = 'text') => analyze(extract(Buffer.from(s), { format }));
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('item 4: linear time on hostile shapes', () => {
  it('analyze + terminal report of 270 KB of short sentences', () => {
    const text = sentences(5000).slice(0, 270_000);
    expect(text.length).toBe(270_000);
    const { value: out, ms } = timed('analyze+render 270 KB short sentences', () =>
      analysisToTerminal(analyseText(text), 'x'),
    );
    expect(out.length).toBeGreaterThan(text.length);
    expect(ms).toBeLessThan(20_000);
  });

  it.each([2_000, 20_000])('%i nested <div>s are flattened with a warning, not a stack overflow', (depth) => {
    const html = `<html><body>${'<div>'.repeat(depth)}<p>The council voted on Tuesday to close the library.</p>${'</div>'.repeat(depth)}</body></html>`;
    const { value: a, ms } = timed(`nested ${depth}`, () => analyseText(html, 'html'));
    expect(a.sentences[0].text).toMatch(/council voted/);
    expect(a.warnings.join(' ')).toMatch(/nested deeper than 256/);
    expect(ms).toBeLessThan(15_000);
  });

  it('one tag with a million attributes', () => {
    const attrs = Array.from({ length: 1_000_000 }, (_, i) => `a${i % 997}`).join(' ');
    const html = `<html><body><p ${attrs}>The council voted on Tuesday to close the library.</p></body></html>`;
    const { value: a, ms } = timed('1M attributes', () => analyseText(html, 'html'));
    expect(a.sentences[0].text).toMatch(/council voted/);
    expect(a.warnings.join(' ')).toMatch(/more than 128 attributes/);
    expect(ms).toBeLessThan(15_000);
  });

  it('the guard leaves ordinary HTML untouched', () => {
    const html =
      '<html><body><article><p class="a" id="b">Hi <b>there</b>.</p><script>if (a < b) {}</script></article></body></html>';
    expect(guardHtml(html)).toEqual({ html, warnings: [] });
  });
});

describe('item 4: compare at the default byte cap', () => {
  /** Short news-like sentences up to `bytes` (ASCII): the slowest shape measured (every sentence alike, many figures). */
  const filled = (bytes: number, offset: number) => {
    let text = '';
    for (let i = 0; text.length < bytes; i++)
      text += `Mayor Lena Ortiz said ${i + offset} buses would run on route ${i % (30 + offset)}. `;
    return text.slice(0, bytes);
  };

  it('the largest input under the default cap on both sides: analysis stops with a warning, compare finishes', () => {
    const a = filled(DEFAULT_MAX_BYTES - 1, 3);
    const b = filled(DEFAULT_MAX_BYTES - 1, 5);
    const { value: r, ms } = timed('compare two texts of 10 MB − 1 byte', () => {
      const sa = analyseText(a);
      const sb = analyseText(b);
      expect(sa.warnings.join(' ')).toMatch(/only the first 300,000 were analysed/);
      expect(sa.text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
      expect(sa.sentences.at(-1)!.end).toBeLessThanOrEqual(sa.text.length);
      return compareAnalyses(sa, sb, { vectors: loadVectors() });
    });
    expect(r.alignment.length).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(60_000);
  }, 200_000);

  it('a text just under the analysis cap is analysed whole, without a warning', () => {
    const a = analyseText(filled(MAX_ANALYSED_CHARS - 100, 3));
    expect(a.warnings.join(' ')).not.toMatch(/were analysed/);
    expect(a.text.length).toBeGreaterThan(MAX_ANALYSED_CHARS - 200);
  }, 60_000);
});

describe('item 5: output stays proportional to the input', () => {
  it('a 200 KB unpunctuated line: sentences cut at 160 tokens, report and JSON bounded', () => {
    const words: string[] = [];
    for (let i = 0, n = 0; n < 200_000; i++)
      n += words[words.push(`word${i % 50}${i % 7 === 0 ? ' said' : ''}`) - 1].length + 1;
    const line = words.join(' ');
    const { value: a } = timed('analyze 200 KB unpunctuated line', () => analyseText(line));
    expect(a.warnings.join(' ')).toMatch(/longer than 160 tokens were cut/);
    const { value: text } = timed('terminal report of it', () => analysisToTerminal(a, 'x'));
    const { value: json } = timed('JSON of it', () => JSON.stringify(analysisToJson(a)));
    console.log(`[hostile] 200 KB line: terminal ${text.length} chars, JSON ${json.length} chars`);
    expect(text.length).toBeLessThan(20 * line.length);
    expect(json.length).toBeLessThan(60 * line.length);
  });
});

describe('item 6: no control sequence reaches the terminal', () => {
  const evil = 'Evil\x1b[2J\x1b]0;pwned\x07 \x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\ \x9b31m \u202e';
  const html = `<html><head><title>${evil} title</title><meta property="og:site_name" content="${evil}"></head><body><article>
    <p>The council voted ${evil} on Tuesday to close the library, the mayor said.</p><p>"We had no choice ${evil}," Mayor Lena Ortiz said.</p>
    <p>Markdown <script>alert(1)</script> and <img src=x onerror=alert(1)> stay text.</p></article></body></html>`;
  const other = `<html><body><article><p>The council voted on Monday to keep the library, the mayor said.</p><p>"We had a choice," Mayor Lena Ortiz said.</p></article></body></html>`;

  it('analyze, compare (text and markdown), trace, families, DOT and GraphML', () => {
    const a = analyseText(html, 'html');
    const b = analyseText(other, 'html');
    const r = compareAnalyses(a, b, { vectors: loadVectors() });
    const outputs = {
      analyze: analysisToTerminal(a, `label${evil}`),
      compare: compareToTerminal(r, { color: false }, { source: evil, derived: 'b' }),
      compareColor: compareToTerminal(r, { color: true }, { source: evil, derived: 'b' }).replace(
        /\x1b\[[0-9;]*m/g,
        '',
      ),
      markdown: compareToMarkdown(r, { source: evil, derived: 'b' }),
    };
    for (const [name, out] of Object.entries(outputs)) expect(RAW_CONTROL.test(out), name).toBe(false);
    expect(outputs.analyze).toContain('\\x1b[2J');
    expect(outputs.markdown).not.toMatch(/<script|<img/);
    const member = { id: 1, title: evil, outlet: evil, url: null, published: null } as never;
    const fam = {
      schema: 'unspun.families/2',
      families: [
        {
          id: 1,
          origin: 1,
          members: [member],
          origins: [1],
          edges: [],
          related: [
            {
              id: 2,
              title: evil,
              outlet: evil,
              url: null,
              published: null,
              family: null,
              with: 1,
              verdict: 'same-story',
              strength: 0.5,
            },
          ],
        },
      ],
    } as never;
    const tr = { query: { id: 1, title: evil }, candidates: [], sentences: [] } as never;
    for (const [name, out] of Object.entries({
      families: familiesToText(fam),
      dot: familiesToDot(fam),
      graphml: familiesToGraphml(fam),
      trace: traceToText(tr),
    })) {
      expect(RAW_CONTROL.test(out), name).toBe(false);
    }
  });
});
