import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/store.js';
import { startServer, type RunningServer } from '../src/server/index.js';
import { ROOT, readExample } from './helpers.js';
import { FIXTURES, tempDir } from './store/helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI === 'true')
    throw new Error(`CI=true but no Chromium at ${CHROMIUM}: .ci/run must install Debian chromium`);
  process.stdout.write(`SKIP serve browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
}
const shots = process.env.UNSPUN_SCREENSHOT === '1';
const shot = (page: Page, name: string) =>
  shots ? page.screenshot({ path: join(ROOT, 'docs', name) }) : Promise.resolve();
const fx = (n: string) => readFileSync(join(FIXTURES, n), 'utf8');

/** A JSONL upload: the corpus fixtures plus filler stories, so the add job runs long enough to be watched. */
function jsonl(): Buffer {
  const towns = [
    'Arlen',
    'Brisk',
    'Corvo',
    'Dunmere',
    'Elsby',
    'Farrow',
    'Glenna',
    'Hexley',
    'Istow',
    'Jorvik',
    'Kells',
    'Lomond',
    'Marris',
    'Norwold',
    'Ostry',
    'Pellin',
    'Quarry',
    'Rusk',
    'Selby',
    'Tarn',
    'Ulmer',
    'Vance',
    'Wrexon',
    'Yarrow',
    'Zennor',
  ];
  const lines = [
    {
      id: 'wire',
      text: fx('wire-origin.txt'),
      title: 'Wire: Halden rail bridge to close',
      outlet: 'Wire',
      published: '2026-11-01',
    },
    { id: 'verbatim', html: fx('paper-verbatim.html'), outlet: 'Daily Paper', published: '2026-11-02' },
    {
      id: 'spun',
      text: fx('paper-spun.txt'),
      title: 'Farm: bridge shut',
      outlet: 'Content Farm',
      published: '2026-11-03',
    },
    { id: 'unrelated', text: fx('unrelated.txt'), title: 'Unrelated story', outlet: 'Other', published: '2026-10-01' },
    ...towns.map((t, i) => ({
      id: `filler-${i}`,
      outlet: 'Local',
      published: `2026-09-${String(i + 1).padStart(2, '0')}`,
      title: `${t} library reopens`,
      text: `${t} library reopens after ${i + 2} months of repairs\n\nThe public library in ${t} reopened on ${['Monday', 'Tuesday', 'Friday'][i % 3]} after ${i + 2} months of repairs to its roof, the town council said.\n\n"We are glad to welcome readers back," said librarian ${t}son, adding that ${120 + i} new books had been bought.`,
    })),
  ];
  return Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

describe.skipIf(!haveChromium)('unspun serve in headless Chromium', () => {
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** Every request the browser made to anything but our server. */
  const outside: string[] = [];

  beforeAll(async () => {
    store = await openStore(join(tempDir('serve-ui'), 'corpus.db'));
    server = await startServer({ store, port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('request', (req) => {
      if (!req.url().startsWith(server.url + '/')) outside.push(req.url());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('compares two pasted articles and shows both spans of a clicked finding', async () => {
    await page.goto(server.url + '/');
    await page.fill('#source_text', readExample('wire-rail-delays.txt').toString('utf8'));
    await page.fill('#derived_text', readExample('farm-rail-delays.html').toString('utf8'));
    await Promise.all([page.waitForURL(/\/r\/[0-9a-f]+$/), page.click('button[type=submit]')]);
    await expect(page.locator('h1 .verdict').textContent()).resolves.toBe('rewrite');
    await expect(page.locator('.quantities dt').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['source covered', 'rewrite supported by the source']),
    );
    const both = page
      .locator('.finding')
      .filter({ hasNot: page.locator('.passage.none') })
      .first();
    await both.click();
    const active = await page.$$eval('mark.active', (ms) => ms.map((m) => m.closest('article')?.id));
    expect(active).toContain('source');
    expect(active).toContain('derived');
    await page.evaluate(() => window.scrollTo(0, 0));

    // Filters: only medium findings, then one check.
    for (const s of ['high', 'low', 'info']) await page.uncheck(`form.filters input[value=${s}]`);
    const visible = await page.$$eval('.finding:not([hidden])', (els) =>
      els.map((e) => (e as HTMLElement).dataset.severity),
    );
    expect(visible.length).toBeGreaterThan(0);
    expect(new Set(visible)).toEqual(new Set(['medium']));
    // Downloads are links on the page, served with an attachment disposition.
    const md = await page.locator('a[href$="report.md"]').getAttribute('href');
    const res = await page.request.get(server.url + md);
    expect(res.headers()['content-disposition']).toContain('.md');
    expect(await res.text()).toContain('## Unspun compare: rewrite');
  }, 180_000);

  it('uploads a JSON Lines file and watches the add job progress to the end', async () => {
    await page.goto(server.url + '/corpus');
    await page.setInputFiles('#files', { name: 'batch.jsonl', mimeType: 'application/x-ndjson', buffer: jsonl() });
    const polls: string[] = [];
    page.on('request', (r) => {
      if (/\/jobs\/[^/]+\/status$/.test(r.url())) polls.push(r.url());
    });
    await Promise.all([page.waitForURL(/\/jobs\/[0-9a-f-]+$/), page.click('.add-form button[type=submit]')]);
    const first = await page.locator('#job-status b').textContent();
    await shot(page, 'serve-add-progress.png');
    await page.locator('#job-result h2').waitFor({ timeout: 240_000 });
    await expect(page.locator('#job-result h2').textContent()).resolves.toBe('Added 29 articles');
    // The page saw the job unfinished and followed it by polling (htmx), not by one hanging request.
    expect(['queued', 'running']).toContain(first);
    expect(polls.length).toBeGreaterThan(0);

    await page.goto(server.url + '/corpus');
    await expect(page.locator('#results .count').textContent()).resolves.toBe('29 articles');
    await page.fill('input[name=q]', 'corrosion');
    await page.waitForFunction(() => document.querySelector('#results .count')?.textContent !== '29 articles');
    const titles = await page.locator('#results tbody a').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(2);
    expect(titles.some((t) => /Halden|bridge/i.test(t))).toBe(true);
    await page.locator('#results tbody a', { hasText: 'Wire: Halden' }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    expect(await page.locator('#article-text .l-quote').count()).toBeGreaterThan(0);
    expect(await page.locator('#article-text .l-figure').count()).toBeGreaterThan(0);
    await page.uncheck('input[data-layer=l-figure]');
    await expect(page.locator('#article-text').getAttribute('class')).resolves.toContain('hide-l-figure');
    await shot(page, 'serve-article.png');
  }, 300_000);

  it('traces a pasted article to its origin and opens the compare report', async () => {
    await page.goto(server.url + '/trace');
    await page.fill('#text', fx('paper-spun.txt'));
    await Promise.all([page.waitForURL(/\/jobs\//), page.click('.trace-form button[type=submit]')]);
    await page.locator('.candidates').waitFor({ timeout: 240_000 });
    const first = page.locator('.candidate').first();
    await expect(first.locator('.role').textContent()).resolves.toBe('origin');
    await expect(first.locator('a.open-article').textContent()).resolves.toContain('Wire: Halden');
    // The pasted text is stored already (it was in the upload), so the report is the stored pair's permalink.
    await Promise.all([
      page.waitForURL(/\/compare\/\d+\/\d+\?trace=|\/trace\/q\/[0-9a-f]+\/\d+\?trace=/),
      first.locator('a.open-compare').click(),
    ]);
    await expect(page.locator('h1 .verdict').textContent()).resolves.toMatch(/rewrite|verbatim-copy|partial-reuse/);
  }, 300_000);

  it('opens a family graph and clicks through to an article and a compare report', async () => {
    await page.goto(server.url + '/families');
    const rail = page.locator('ol.families li', { hasText: 'Halden' }).locator('a');
    await rail.waitFor({ timeout: 240_000 });
    await rail.click();
    await page.locator('#graph[data-ready="1"]').waitFor();
    const pos = (sel: string) =>
      page.evaluate((s) => {
        const cy = (
          window as unknown as {
            unspunGraph: {
              $: (s: string) => {
                renderedPosition?: () => { x: number; y: number };
                renderedMidpoint?: () => { x: number; y: number };
                data: (k: string) => unknown;
              }[];
            };
          }
        ).unspunGraph;
        const el = cy.$(s)[0];
        const p = el.renderedPosition ? el.renderedPosition() : el.renderedMidpoint!();
        const box = document.getElementById('graph')!.getBoundingClientRect();
        return {
          x: box.left + p.x,
          y: box.top + p.y,
          data: { article: el.data('article'), from: el.data('from'), to: el.data('to') },
        };
      }, sel);
    const node = await pos('node[origin = 1]');
    await Promise.all([
      page.waitForURL(new RegExp(`/articles/${node.data.article}$`)),
      page.mouse.click(node.x, node.y),
    ]);
    await page.goBack();
    await page.locator('#graph[data-ready="1"]').waitFor();
    // An edge's midpoint can sit under its label or another edge: click the first one that navigates.
    const edge = await page.evaluate(() => {
      const cy = (
        window as unknown as {
          unspunGraph: {
            edges: () => Array<{ renderedMidpoint: () => { x: number; y: number }; data: (k: string) => number }>;
          };
        }
      ).unspunGraph;
      const e = cy.edges()[0];
      const m = e.renderedMidpoint();
      const box = document.getElementById('graph')!.getBoundingClientRect();
      return { x: box.left + m.x, y: box.top + m.y, from: e.data('from'), to: e.data('to') };
    });
    await Promise.all([page.waitForURL(/\/compare\/\d+\/\d+$/), page.mouse.click(edge.x, edge.y)]);
    await expect(page.locator('h1 .verdict').textContent()).resolves.toMatch(/rewrite|verbatim-copy|partial-reuse/);
  }, 300_000);

  it('works from the keyboard: skip link, navigation, findings by Tab and Enter', async () => {
    await page.goto(server.url + '/');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
    // Tab into the form: the first field is the source text.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'source_text'; i++)
      await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('source_text');
    await page.keyboard.type(readExample('wire-rail-delays.txt').toString('utf8').slice(0, 2000));
    await page.focus('#derived_text');
    await page.keyboard.type(readExample('copy-rail-delays.txt').toString('utf8').slice(0, 2000));
    await page.focus('button[type=submit]');
    await Promise.all([page.waitForURL(/\/r\//), page.keyboard.press('Enter')]);
    // Tab until a finding has focus, then Enter marks its spans.
    let onFinding = false;
    for (let i = 0; i < 60 && !onFinding; i++) {
      await page.keyboard.press('Tab');
      onFinding = await page.evaluate(() => document.activeElement?.closest('.finding') !== null);
    }
    expect(onFinding).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('.finding.active').count()).resolves.toBe(1);
  }, 180_000);

  it('follows a quote on the Quotes page: timeline, mutations, word diff, links to the article and the compare report', async () => {
    // Seven articles written for the quote tests: a wire quote and copies that keep, alter, move, drop or restate it.
    const { addPaths } = await import('../src/corpus/index.js');
    const { loadVectors } = await import('../src/align/vectors.js');
    await addPaths(store, [join(ROOT, 'test/fixtures/quotes/harbour.jsonl')], { vectors: loadVectors(), workers: 0 });
    await page.goto(server.url + '/quotes');
    await page.fill('#q', 'the fishermen will have their berths back before winter');
    await Promise.all([page.waitForURL(/\/quotes\?q=/), page.click('.quotes-form button[type=submit]')]);
    const items = page.locator('.quote-timeline .appearance');
    await expect(items.count()).resolves.toBe(7);
    await expect(items.first().locator('.facts').textContent()).resolves.toContain('earliest');
    const badges = await page.locator('.quote-timeline .mutation').allTextContents();
    expect(badges).toEqual(
      expect.arrayContaining(['words changed', 'speaker changed', 'speaker dropped', 'quote turned into paraphrase']),
    );
    const altered = items.filter({ has: page.locator('.mutation', { hasText: 'words changed' }) });
    await expect(altered.locator('.word-diff del').textContent()).resolves.toBe('winter');
    await expect(altered.locator('.word-diff ins').textContent()).resolves.toBe('summer');
    await shot(page, 'serve-quotes-1400.png');
    await page.setViewportSize({ width: 420, height: 900 });
    await shot(page, 'serve-quotes-420.png');
    await page.setViewportSize({ width: 1400, height: 1000 });
    const href = await altered.locator('a.open-article').getAttribute('href');
    expect(href).toMatch(/^\/articles\/\d+$/);
    await Promise.all([page.waitForURL(/\/compare\/\d+\/\d+$/), altered.locator('a.open-compare').click()]);
    await expect(page.locator('h1 .verdict').textContent()).resolves.toMatch(/rewrite|partial-reuse|same-story/);
  }, 300_000);

  it('made no request to anything but the server', () => {
    expect(outside).toEqual([]);
  });
});
