import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../src/align/vectors.js';
import { compare } from '../src/compare.js';
import { compareToHtml } from '../src/report/html.js';
import { VERDICT_WORDS, summarize } from '../src/report/summary.js';
import { VERDICTS } from '../src/types.js';
import { ROOT, cli, example, readExample } from './helpers.js';

const vectors = loadVectors();
const wire = () => readExample('wire-rail-delays.txt').toString('utf8');
const farm = () => ({ html: readExample('farm-rail-delays.html').toString('utf8') });

/** Words a reader of the summary should never meet: field names, table rows, offsets, bare scores. */
const JARGON =
  /basis\.|linkStrength|link strength|table row|\[\d+,\d+\)|confidence \d|lean -?\d|direction (as-given|reversed)/;

describe('plain words first (issue 23)', () => {
  it('the demo terminal report opens with what was compared and one plain sentence, no jargon', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-demo-'));
    const r = cli(['demo', '--html', join(dir, 'demo.html'), '--db', join(dir, 'demo.db')]);
    expect(r.code).toBe(0);
    const report = r.stdout.split('=== content-farm spin')[1].split('\n').slice(1);
    const first = report.filter((l) => l.trim()).slice(0, 6);
    expect(first[0]).toBe('Unspun compare');
    expect(first[3]).toMatch(/^In short: This is a rewrite of the source that .+\.$/);
    for (const line of first) expect(line).not.toMatch(JARGON);
    // The quantities are one flag away, in words.
    expect(r.stdout).toContain('How the verdict was decided: --verbose');
  }, 120_000);

  it('--verbose adds the verdict evidence with human labels; the default leaves it out', () => {
    const plain = cli(['compare', example('wire-rail-delays.txt'), example('farm-rail-delays.html')]);
    const verbose = cli(['compare', example('wire-rail-delays.txt'), example('farm-rail-delays.html'), '--verbose']);
    expect(plain.stdout).not.toContain('words of the rewrite found in the source');
    expect(verbose.stdout).toContain('words of the rewrite found in the source');
    expect(verbose.stdout).toMatch(/\[\d+,\d+\)/);
  }, 60_000);

  it('swapped inputs: a warning first, fabricated quotes held below high, --orient auto compares the other way', () => {
    const swapped = cli(['compare', example('farm-rail-delays.html'), example('wire-rail-delays.txt'), '--json']);
    const json = JSON.parse(swapped.stdout);
    expect(json.order).toMatchObject({ likelyReversed: true, confirmed: false });
    const held = json.findings.filter((f: { heldFrom?: string }) => f.heldFrom);
    expect(held.length).toBe(json.order.held);
    expect(held.length).toBeGreaterThan(0);
    expect(
      json.findings.some(
        (f: { ruleId: string; severity: string }) => f.ruleId === 'quote-fabricated' && f.severity === 'high',
      ),
    ).toBe(false);
    const text = cli(['compare', example('farm-rail-delays.html'), example('wire-rail-delays.txt')]);
    const lines = text.stdout.split('\n').filter((l) => l.trim());
    expect(lines[3]).toMatch(/^Warning: The inputs look swapped/);
    expect(lines[4]).toContain('--orient auto');
    const auto = cli([
      'compare',
      example('farm-rail-delays.html'),
      example('wire-rail-delays.txt'),
      '--orient',
      'auto',
      '--json',
    ]);
    expect(auto.stderr).toContain('comparing it as the source');
    expect(JSON.parse(auto.stdout).order.likelyReversed).toBe(false);
    const kept = cli([
      'compare',
      example('farm-rail-delays.html'),
      example('wire-rail-delays.txt'),
      '--orient',
      'as-given',
      '--json',
    ]);
    const k = JSON.parse(kept.stdout);
    expect(k.order).toMatchObject({ likelyReversed: true, confirmed: true, held: 0 });
    expect(
      k.findings.some(
        (f: { ruleId: string; severity: string }) => f.ruleId === 'quote-fabricated' && f.severity === 'high',
      ),
    ).toBe(true);
  }, 120_000);

  it('every verdict has words, and the headline is built from the findings, not fixed numbers', () => {
    for (const v of VERDICTS) expect(VERDICT_WORDS[v], v).toBeTruthy();
    const r = compare(wire(), farm(), { vectors });
    // "17 faulty signal boxes" → "Dozens of …" (number-changed) leads the figures; dropped ones follow among the rest.
    const changed = r.findings.filter((f) => f.ruleId === 'number-changed').length;
    expect(changed).toBeGreaterThan(0);
    expect(summarize(r).headline).toContain(`changes ${changed} figure`);
    const figures = new Set(['number-changed', 'number-dropped']);
    const fewer = { ...r, findings: r.findings.filter((f) => !figures.has(f.ruleId)) };
    expect(summarize(fewer).headline).not.toContain('figure');
  });

  it("the HTML report's markup passes Biome's a11y rules (no tabindex on list items)", () => {
    const r = compare(wire(), farm(), { vectors });
    const html = compareToHtml(r, { source: 'wire', derived: 'farm' });
    expect(html).not.toMatch(/<li[^>]*tabindex/);
    // Biome reports nothing for stdin input: lint a file, from a folder of its own (Biome's default rules).
    const dir = mkdtempSync(join(tmpdir(), 'unspun-lint-'));
    writeFileSync(join(dir, 'report.html'), html);
    const biome = join(ROOT, 'node_modules/@biomejs/biome/bin/biome');
    const lint = spawnSync(process.execPath, [biome, 'lint', 'report.html'], { cwd: dir, encoding: 'utf8' });
    const out = `${lint.stdout}${lint.stderr}`;
    expect(out).toContain('Checked 1 file');
    expect(out).not.toMatch(/lint\/a11y/);
  });
});
