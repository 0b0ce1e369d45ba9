import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { compareToHtml } from '../src/report/html.js';
import { ROOT, readExample } from './helpers.js';
import { loadVectors } from '../src/align/vectors.js';

const vectors = loadVectors();

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
});
