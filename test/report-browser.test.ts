import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadVectors } from '../src/align/vectors.js';
import { addPaths } from '../src/corpus/index.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/store.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { ROOT, readExample } from './helpers.js';
import { FIXTURES, tempDir } from './store/helpers.js';

// Issue 23, as a fact-checker uses the pages: plain words first, the direction guard, evidence within reach,
// corpus and trace links, keyboard and contrast. Screenshots at 1400 px and 420 px with UNSPUN_SCREENSHOT=1.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI === 'true')
    throw new Error(`CI=true but no Chromium at ${CHROMIUM}: .ci/run must install Debian chromium`);
  process.stdout.write(`SKIP report browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
}
const shots = process.env.UNSPUN_SCREENSHOT === '1';
const fx = (n: string) => readFileSync(join(FIXTURES, n), 'utf8');
const wire = () => readExample('wire-rail-delays.txt').toString('utf8');
const farm = () => readExample('farm-rail-delays.html').toString('utf8');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(!haveChromium)('the report a fact-checker reads (headless Chromium)', () => {
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  /** Both widths for the docs and the README. */
  async function shoot(name: string): Promise<void> {
    if (!shots) return;
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ROOT, 'docs', `${name}-1400.png`) });
    await page.setViewportSize({ width: 420, height: 900 });
    await page.screenshot({ path: join(ROOT, 'docs', `${name}-420.png`) });
    await page.setViewportSize({ width: 1400, height: 1000 });
  }

  async function compareForm(source: string, derived: string): Promise<void> {
    await page.goto(server.url + '/');
    await page.fill('#source_text', source);
    await page.fill('#derived_text', derived);
    await Promise.all([page.waitForURL(/\/r\/[0-9a-f]+$/), page.click('.compare-form button[type=submit]')]);
  }

  /** axe-core on the current page: serious or critical violations (contrast among them), none allowed. */
  async function axe(): Promise<Array<{ id: string; nodes: string[] }>> {
    await page.evaluate(AXE);
    const found = await page.evaluate(async () => {
      const w = window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      };
      const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    return found;
  }

  beforeAll(async () => {
    const dir = tempDir('report-ui');
    store = await openStore(join(dir, 'corpus.db'));
    const jsonl = join(dir, 'corpus.jsonl');
    writeFileSync(
      jsonl,
      [
        { id: 'wire', text: fx('wire-origin.txt'), title: 'Wire: Halden rail bridge to close', outlet: 'Wire' },
        { id: 'spun', text: fx('paper-spun.txt'), title: 'Farm: bridge shut', outlet: 'Content Farm' },
        { id: 'unrelated', text: fx('unrelated.txt'), title: 'Unrelated story', outlet: 'Other' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n') + '\n',
    );
    await addPaths(store, [jsonl], { vectors: loadVectors(), workers: 0 });
    server = await startServer({ store, port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('leads with the summary in plain words; the table row is one click away and its docs page is served', async () => {
    await compareForm(wire(), farm());
    const first = await page.$eval('#main', (m) => m.querySelector('.headline')?.textContent);
    expect(first).toMatch(/^This is a rewrite of the source that /);
    // The headline comes before any finding list or article text, and the worst findings quote both passages.
    const order = await page.$$eval('#main .headline, #main .worst, #main #findings, #main #source', (els) =>
      els.map((e) => e.id || e.className),
    );
    expect(order).toEqual(['headline', 'worst', 'findings', 'source']);
    expect(await page.locator('.worst .passage mark').count()).toBeGreaterThan(1);
    expect(await page.locator('.finding .passage').first().textContent()).not.toMatch(/\[\d+,\d+\)/);
    // Quantities: folded, labelled in words.
    await expect(page.locator('details.why').getAttribute('open')).resolves.toBeNull();
    await page.click('details.why summary');
    await expect(page.locator('details.why dt').allTextContents()).resolves.toContain(
      'words of the rewrite found in the source',
    );
    await shoot('serve-compare');
    await Promise.all([
      page.waitForURL(/\/docs\/verdicts\.md$/),
      page.click('details.why a[href="/docs/verdicts.md"]'),
    ]);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Verdicts');
    expect(await page.locator('table').count()).toBeGreaterThan(0);
  }, 120_000);

  it('clicking a highlight in the text selects its finding; filters clear the highlights too', async () => {
    await compareForm(wire(), farm());
    const mark = page.locator('#derived .text mark[data-f]').first();
    const ids = ((await mark.getAttribute('data-f')) ?? '').split(' ');
    await mark.click();
    const active = await page.$eval('.finding.active', (e) => (e as HTMLElement).dataset.f);
    expect(ids).toContain(active);
    await expect(
      page.evaluate(() => document.activeElement?.closest('.finding')?.classList.contains('active')),
    ).resolves.toBe(true);
    await expect(page.locator('#finding-status').textContent()).resolves.toMatch(/^Finding \d+: /);
    await expect(mark.getAttribute('title')).resolves.toMatch(/: /);

    for (const s of ['high', 'medium', 'low', 'info']) await page.uncheck(`form.filters input[value=${s}]`);
    expect(await page.locator('.finding:not([hidden])').count()).toBe(0);
    expect(await page.locator('.text mark[data-f]:not(.filtered)').count()).toBe(0);
    await expect(mark.evaluate((m) => getComputedStyle(m).backgroundColor)).resolves.toBe('rgba(0, 0, 0, 0)');
    await page.check('form.filters input[value=medium]');
    expect(await page.locator('.text mark.sev-medium:not(.filtered)').count()).toBeGreaterThan(0);
    expect(await page.locator('.text mark.sev-low:not(.filtered)').count()).toBe(0);
  }, 120_000);

  it('works from the keyboard on the report: skip link, Space on a finding, Tab to a sentence', async () => {
    await compareForm(wire(), farm());
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.focus('.finding-btn');
    await page.keyboard.press('Space');
    await expect(page.locator('.finding.active').count()).resolves.toBe(1);
    expect(await page.locator('.text mark.active').count()).toBeGreaterThan(0);
    // From the first sentence, Tab reaches the next one (past a folded boilerplate line, if any).
    await page.focus('#source .s');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-s'));
    let next: string | null | undefined = null;
    for (let i = 0; i < 3 && !next; i++) {
      await page.keyboard.press('Tab');
      next = await page.evaluate(() =>
        document.activeElement?.classList.contains('s') ? document.activeElement.getAttribute('data-s') : null,
      );
    }
    expect(Number(next)).toBeGreaterThan(Number(first));
    await page.keyboard.press('Enter');
    expect(await page.locator('.s.selected').count()).toBeGreaterThan(0);
  }, 120_000);

  it('pairs aligned words on hover and focus under the CSP (served report.js, no inline script)', async () => {
    const errors: string[] = [];
    const onConsole = (m: { type: () => string; text: () => string }) => {
      if (m.type() === 'error') errors.push(m.text());
    };
    page.on('console', onConsole);
    await compareForm(wire(), farm());
    // The first derived sentence with aligned words: hovering it pairs words on both sides, one number each.
    const target = await page.$$eval('#derived .s', (els) =>
      els.find((e) => e.querySelector('.w'))?.getAttribute('data-s'),
    );
    expect(target).toBeDefined();
    const sentence = page.locator(`#derived .s[data-s="${target}"]`).first();
    await sentence.hover();
    const pairs = await page.$$eval('.w.wp', (els) =>
      els.map((e) => ({ side: e.closest('article')?.id, n: e.getAttribute('data-n'), title: e.getAttribute('title') })),
    );
    expect(pairs.some((w) => w.side === 'source')).toBe(true);
    expect(pairs.some((w) => w.side === 'derived')).toBe(true);
    for (const w of pairs)
      expect(w.title).toMatch(
        /^\d+ · (exact|lemma|number|entity|synonym|antonym|derivation|hypernym|vector): .+ ↔ .+$/,
      );
    await page.mouse.move(0, 0);
    await sentence.focus();
    await expect(page.locator('#finding-status').textContent()).resolves.toMatch(/aligned words?: /);
    expect(await page.locator('.w.wp').count()).toBe(pairs.length);
    page.off('console', onConsole);
    expect(errors.filter((e) => /Content Security Policy|CSP/i.test(e))).toEqual([]);
    expect(await axe()).toEqual([]);
  }, 120_000);

  it('warns when the inputs look swapped, holds fabricated quotes below HIGH, and swaps on request', async () => {
    await compareForm(farm(), wire());
    const banner = page.locator('.order-banner');
    await expect(banner.textContent()).resolves.toMatch(/look swapped/);
    // The banner comes before the summary sentence.
    const before = await page.$eval('#main', (m) => {
      const all = [...m.querySelectorAll('.order-banner, .headline')];
      return all[0].className;
    });
    expect(before).toBe('order-banner');
    expect(await page.locator('.finding[data-rule="quote-fabricated"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.finding.sev-high[data-rule="quote-fabricated"]').count()).toBe(0);
    await expect(page.locator('.finding[data-rule="quote-fabricated"] .held').first().textContent()).resolves.toMatch(
      /held from high/,
    );
    await shoot('serve-swapped');
    await Promise.all([page.waitForURL(/\/r\/[0-9a-f]+$/), page.click('.order-banner a.swap')]);
    expect(await page.locator('.order-banner').count()).toBe(0);
    await expect(page.locator('#source .text').textContent()).resolves.toMatch(/^Signal faults/);
    await expect(page.locator('.headline').textContent()).resolves.toMatch(/^This is a rewrite of the source/);
  }, 120_000);

  it('adds a pasted article, links it from the finished job, and asks before removing it', async () => {
    await page.goto(server.url + '/corpus');
    await page.fill(
      '#paste_text',
      'Marris pool reopens\n\nThe public pool in Marris reopened on Monday after 7 months of repairs, the town council said.',
    );
    await page.fill('input[name=title]', 'Marris pool reopens');
    await page.fill('input[name=outlet]', 'Local');
    await Promise.all([page.waitForURL(/\/jobs\/[0-9a-f-]+$/), page.click('.add-form button[type=submit]')]);
    await page.locator('#job-result h2').waitFor({ timeout: 120_000 });
    await expect(page.locator('#job-result h2').textContent()).resolves.toBe('Added 1 articles');
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.click('#job-result ul.added a')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Marris pool reopens');
    const url = page.url();
    await Promise.all([page.waitForURL(/\/delete$/), page.click('text=Remove this version…')]);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Remove article #\d+\?$/);
    expect((await page.request.get(url)).status()).toBe(200);
    await Promise.all([page.waitForURL(/\/corpus$/), page.click('.confirm-remove button[type=submit]')]);
    expect((await page.request.get(url)).status()).toBe(404);
  }, 180_000);

  it('trace rows link the article and the report, and the report links back; search shows marked snippets', async () => {
    await page.goto(server.url + '/trace');
    await page.fill('#text', fx('paper-spun.txt'));
    await Promise.all([page.waitForURL(/\/jobs\//), page.click('.trace-form button[type=submit]')]);
    await page.locator('.candidates').waitFor({ timeout: 120_000 });
    const job = page.url();
    const first = page.locator('.candidate').first();
    await expect(first.locator('.role').textContent()).resolves.toBe('origin');
    await expect(first.locator('.facts').textContent()).resolves.toMatch(
      /the likely original .* \d+% of the traced article/,
    );
    expect(await page.locator('.role-legend dt').count()).toBeGreaterThanOrEqual(4);
    await expect(first.locator('a.open-article').getAttribute('href')).resolves.toMatch(/^\/articles\/\d+$/);
    await shoot('serve-trace');
    await Promise.all([page.waitForURL(/\?trace=/), first.locator('a.open-compare').click()]);
    await expect(page.locator('.headline').textContent()).resolves.toMatch(/^This is /);
    await Promise.all([page.waitForURL(/\/articles\/\d+$/), page.click('.downloads a:has-text("article #")')]);
    await page.goBack();
    await Promise.all([page.waitForURL(job), page.click('text=← Back to the trace')]);
    expect(await page.locator('.candidates').count()).toBe(1);

    await page.goto(server.url + '/corpus?q=corrosion');
    await expect(page.locator('#results .snippet mark').first().textContent()).resolves.toMatch(/corro/i);
    await shoot('serve-corpus');
  }, 240_000);

  it('families: one origin, a legend, edges in words, no CSP error, a list view at 420 px', async () => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.url + '/families');
    const link = page.locator('ol.families li a').first();
    await link.waitFor({ timeout: 120_000 });
    await link.click();
    await page.locator('#graph[data-ready="1"]').waitFor();
    const graph = await page.evaluate(() => {
      const cy = (
        window as unknown as {
          unspunGraph: {
            nodes: (s?: string) => { length: number };
            edges: () => Array<{ data: (k: string) => string }>;
          };
        }
      ).unspunGraph;
      return { origins: cy.nodes('[origin = 1]').length, labels: cy.edges().map((e) => e.data('label')) };
    });
    expect(graph.origins).toBe(1);
    expect(graph.labels.length).toBeGreaterThan(0);
    for (const l of graph.labels) expect(l).not.toMatch(/strength|partial-reuse|verbatim-copy/);
    expect(await page.locator('.graph-legend li').count()).toBe(4);
    await shoot('serve-family');
    await page.setViewportSize({ width: 420, height: 900 });
    await expect(page.locator('#graph').isVisible()).resolves.toBe(false);
    await expect(page.locator('ol.members li').first().isVisible()).resolves.toBe(true);
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(errors.filter((e) => /Content Security Policy|CSP/i.test(e))).toEqual([]);
  }, 240_000);

  it('has no serious axe-core violations (contrast included) on the report, corpus, trace and docs pages', async () => {
    await compareForm(wire(), farm());
    expect(await axe()).toEqual([]);
    await compareForm(farm(), wire());
    expect(await axe()).toEqual([]);
    for (const path of ['/corpus?q=bridge', '/trace', '/docs/verdicts.md', '/', '/families']) {
      await page.goto(server.url + path);
      expect({ path, violations: await axe() }).toEqual({ path, violations: [] });
    }
  }, 180_000);
});
