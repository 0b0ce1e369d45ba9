import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { compareToHtml } from '../src/report/html.js';
import { ROOT, readExample } from './helpers.js';
import { loadVectors } from '../src/align/vectors.js';
import { loadLexicon } from '../src/align/words/wordnet.js';

const vectors = loadVectors();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LAUNCH = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI === 'true')
    throw new Error(`CI=true but no Chromium at ${CHROMIUM}: .ci/run must install Debian chromium`);
  process.stdout.write(`SKIP html-report browser test: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
}

describe.skipIf(!haveChromium)('HTML report in headless Chromium', () => {
  it('renders both columns, highlights both spans of a clicked finding, and makes no network request', async () => {
    const { chromium } = await import('playwright-core');
    const r = compare(
      readExample('wire-rail-delays.txt'),
      { html: readExample('farm-rail-delays.html').toString('utf8') },
      { vectors },
    );
    const dir = mkdtempSync(join(tmpdir(), 'unspun-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, compareToHtml(r, { source: 'wire-rail-delays.txt', derived: 'farm-rail-delays.html' }));
    const url = pathToFileURL(file).href;

    const browser = await chromium.launch({
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
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const requests: string[] = [];
      page.on('request', (req) => {
        if (req.url() !== url) requests.push(req.url());
      });
      await page.goto(url);
      // A sentence may be split into several pieces by highlights: count distinct sentence ids per column.
      const ids = (side: string) =>
        page.$$eval(`#${side} .s`, (els) => new Set(els.map((e) => (e as HTMLElement).dataset.s)).size);
      await expect(ids('source')).resolves.toBe(r.source.sentences.length);
      await expect(ids('derived')).resolves.toBe(r.derived.sentences.length);

      // A finding with spans on both sides: clicking it marks both.
      const i = r.findings.findIndex(
        (f) => f.source && f.derived && f.source.end > f.source.start && f.derived.end > f.derived.start,
      );
      expect(i).toBeGreaterThanOrEqual(0);
      await page.locator(`.finding[data-f="${i}"] .finding-btn`).click();
      const active = await page.$$eval('mark.active', (ms) =>
        ms.map((m) => ({ side: m.closest('article')?.id, text: m.textContent })),
      );
      expect(active.some((m) => m.side === 'source')).toBe(true);
      expect(active.some((m) => m.side === 'derived')).toBe(true);
      expect(
        active
          .filter((m) => m.side === 'derived')
          .map((m) => m.text)
          .join(''),
      ).toContain(r.findings[i].derived!.text.slice(0, 10));

      // Hovering a derived sentence lights up its aligned source sentence(s).
      const link = r.alignment[0];
      await page.locator(`#derived .s[data-s="${link.derived[0]}"]`).first().hover();
      await expect(page.locator(`#source .s.linked[data-s="${link.source[0]}"]`).count()).resolves.toBeGreaterThan(0);

      if (process.env.UNSPUN_SCREENSHOT === '1') {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(ROOT, 'docs/html-report.png'), fullPage: false });
        await page.setViewportSize({ width: 420, height: 900 });
        await page.screenshot({ path: join(ROOT, 'docs/html-report-420.png'), fullPage: false });
      }
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('pairs the aligned words of a hovered or focused sentence on both sides, with the relation as the title', async () => {
    const { chromium } = await import('playwright-core');
    const r = compare(
      readExample('wire-rail-delays.txt'),
      { html: readExample('farm-rail-delays.html').toString('utf8') },
      { vectors, lexicon: loadLexicon() },
    );
    // A derived sentence alone in its link, whose words align by more than identity ("hold-ups" ~ "delays").
    const l = r.alignment.findIndex(
      (x) => x.derived.length === 1 && x.words.length >= 3 && x.words.some((w) => w.relation === 'synonym'),
    );
    expect(l).toBeGreaterThanOrEqual(0);
    const link = r.alignment[l];
    const dir = mkdtempSync(join(tmpdir(), 'unspun-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, compareToHtml(r, { source: 'wire-rail-delays.txt', derived: 'farm-rail-delays.html' }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(file).href);
      const paired = () =>
        page.$$eval('.w.wp', (els) =>
          els.map((e) => ({
            side: e.closest('article')?.id,
            text: e.textContent,
            n: e.getAttribute('data-n'),
            title: e.getAttribute('title'),
            colour: [...e.classList].find((c) => c.startsWith('wp-c')),
          })),
        );
      expect(await paired()).toEqual([]);

      const sentence = page.locator(`#derived .s[data-s="${link.derived[0]}"]`).first();
      await sentence.scrollIntoViewIfNeeded();
      await sentence.hover();
      const on = await paired();
      expect(on.filter((w) => w.side === 'derived')).toHaveLength(link.words.length);
      expect(on.filter((w) => w.side === 'source')).toHaveLength(link.words.length);
      // Each number appears once per side, with one colour and one title on both.
      for (let n = 1; n <= link.words.length; n++) {
        const both = on.filter((w) => w.n === String(n));
        expect(both.map((w) => w.side).sort()).toEqual(['derived', 'source']);
        expect(new Set(both.map((w) => w.colour)).size).toBe(1);
        expect(both[0].title).toBe(both[1].title);
      }
      const syn = link.words.findIndex((w) => w.relation === 'synonym');
      const synText = r.derived.text.slice(...link.words[syn].derived);
      expect(on.find((w) => w.side === 'derived' && w.text === synText)?.title).toMatch(/^\d+ · synonym: /);
      await page.mouse.move(0, 0);
      expect(await paired()).toEqual([]);

      // Keyboard: focus shows the same pairs and the status line reads them out.
      await sentence.focus();
      expect(await paired()).toHaveLength(2 * link.words.length);
      await expect(page.locator('#finding-status').textContent()).resolves.toMatch(
        new RegExp(`${link.words.length} aligned words: .*\\(synonym\\)`),
      );
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const w = window as unknown as {
          axe: { run: (d: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> };
        };
        const res = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
        return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations).toEqual([]);
      if (process.env.UNSPUN_SCREENSHOT === '1') {
        await sentence.hover();
        await page.screenshot({ path: join(ROOT, 'docs/html-report-words.png') });
      }
      // Tab moves on: the next sentence's pairs replace these; leaving the text clears them.
      await sentence.focus();
      await page.keyboard.press('Tab');
      const outside = await page.evaluate(() => {
        const at = document.activeElement as HTMLElement;
        const mine = [...document.querySelectorAll(`#${at.dataset.side} .w.wp`)];
        return { sentence: at.dataset.s, outside: mine.filter((w) => w.closest('.s') !== at).length };
      });
      expect(outside.sentence).not.toBe(String(link.derived[0]));
      expect(outside.outside).toBe(0);
      await page.evaluate(() => (document.activeElement as HTMLElement).blur());
      expect(await page.locator('.w.wp[data-n]').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
