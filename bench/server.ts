/**
 * `npm run bench` (server part): `unspun serve` in its own process, measured over real HTTP on loopback.
 * 1. Warm API compare of a ~1,000-word pair: p50 including HTTP and JSON (target ≤ 100 ms).
 * 2. 20 concurrent clients for 30 s (compare, list, analyze): errors, latency, and the server's RSS before and after.
 * Reported, never asserted. Needs the build (`npm run build`): it runs bin/unspun.js.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { extract } from '../src/ingest/index.js';
import { analyze } from '../src/nlp/index.js';
import { compareAnalyses } from '../src/compare.js';
import { loadVectors } from '../src/align/vectors.js';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(import.meta.dirname, '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const strip = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t]+/g, ' ');

function line(name: string, value: string, target = ''): void {
  process.stdout.write(`${name.padEnd(44)} ${value.padStart(16)}   ${target}\n`);
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** Both sides ~1,000 words from our own example stories: the derived side holds rewrites of parts of the source. */
const source = [
  'examples/wire-rail-delays.txt',
  'examples/independent-rail-delays.txt',
  'examples/unrelated-harbour-festival.txt',
  'test/fixtures/corpus/wire-origin.txt',
  'test/fixtures/corpus/unrelated.txt',
  'test/fixtures/corpus/stitched.txt',
  'examples/copy-rail-delays.txt',
]
  .map(read)
  .join('\n\n');
const derived = [
  strip(read('examples/farm-rail-delays.html')),
  read('test/fixtures/corpus/paper-spun.txt'),
  read('examples/copy-rail-delays.txt'),
  read('test/fixtures/corpus/stitched.txt'),
  read('examples/unrelated-harbour-festival.txt'),
  read('test/fixtures/corpus/unrelated.txt'),
  read('examples/independent-rail-delays.txt'),
].join('\n\n');
const small = { source: read('examples/wire-rail-delays.txt'), derived: read('examples/copy-rail-delays.txt') };

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) {
    line('server bench', 'skipped', 'run npm run build first');
    return;
  }
  const db = join(mkdtempSync(join(tmpdir(), 'unspun-bench-')), 'bench.db');
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/unspun.js'), 'serve', '--db', db, '--port', '0', '--rate-limit', '0'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /at (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  try {
    const post = async (path: string, body: unknown) => {
      const res = await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      return res.status;
    };
    line('server 1,000-word pair', `${words(source)} / ${words(derived)} words`);
    for (let i = 0; i < 3; i++) await post('/api/v1/compare', { source, derived });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      const status = await post('/api/v1/compare', { source, derived });
      times.push(performance.now() - t);
      if (status !== 200) throw new Error(`compare answered ${status}`);
    }
    times.sort((a, b) => a - b);
    // The same work in this process without HTTP, timed alongside, so the server's own share is visible
    // even when the machine is shared (the load average is printed with it).
    const vectors = loadVectors();
    const direct: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      JSON.stringify(compareAnalyses(analyze(extract(source)), analyze(extract(derived)), { vectors }));
      direct.push(performance.now() - t);
    }
    direct.sort((a, b) => a - b);
    line('load average (1 min, 2 cores)', loadavg()[0].toFixed(1));
    line('API compare 1,000-word pair (warm, p50)', `${times[15].toFixed(1)} ms`, 'target ≤ 100 ms incl. HTTP');
    line('API compare 1,000-word pair (warm, p90)', `${times[27].toFixed(1)} ms`);
    line(
      'same pair in-process, no HTTP (p50)',
      `${direct[5].toFixed(1)} ms`,
      'analysis of both sides + compare + JSON',
    );

    // Load: 20 clients, each sending its next request as soon as the last answered, for 30 s, after 10 s of the
    // same load to grow the heap to its working size (that growth is not a leak; a climb after it would be).
    let until = performance.now() + 10_000;
    const rssCold = rssOf(child.pid!);
    const lat: number[] = [];
    let errors = 0;
    const reasons = new Map<string, number>();
    const fail = (why: string) => {
      errors++;
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
    };
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssOf(child.pid!)), 1000);
    const client = async (k: number) => {
      for (let i = 0; performance.now() < until; i++) {
        const t = performance.now();
        try {
          const kind = (k + i) % 4;
          const status =
            kind === 0
              ? await post('/api/v1/compare', { source, derived })
              : kind === 1
                ? await post('/api/v1/compare', small)
                : kind === 2
                  ? await post('/api/v1/analyze', { article: small.derived })
                  : await fetch(`${url}/api/v1/articles?q=rail`).then(async (r) => {
                      await r.arrayBuffer();
                      return r.status;
                    });
          if (status !== 200) fail(`HTTP ${status}`);
        } catch (e) {
          fail(String((e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).message));
        }
        lat.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, k) => client(k)));
    const rssBefore = rssOf(child.pid!);
    line('server RSS idle → after 10 s warm-up load', `${rssCold.toFixed(0)} → ${rssBefore.toFixed(0)} MB`);
    lat.length = 0;
    errors = 0;
    reasons.clear();
    samples.length = 0;
    until = performance.now() + 30_000;
    await Promise.all(Array.from({ length: 20 }, (_, k) => client(k)));
    clearInterval(sampler);
    const rssAfter = rssOf(child.pid!);
    lat.sort((a, b) => a - b);
    line('20 clients × 30 s: requests', `${lat.length} (${(lat.length / 30).toFixed(1)}/s)`);
    line(
      '20 clients × 30 s: errors',
      String(errors),
      errors ? [...reasons].map(([k, v]) => `${v}× ${k}`).join(', ') : 'target 0',
    );
    line(
      '20 clients × 30 s: latency p50 / p99',
      `${lat[Math.floor(lat.length / 2)].toFixed(0)} / ${lat[Math.floor(lat.length * 0.99)].toFixed(0)} ms`,
    );
    line(
      'server RSS before → after load',
      `${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`,
      `max ${Math.max(...samples).toFixed(0)} MB; no climb expected`,
    );
    const half = samples.slice(Math.floor(samples.length / 2));
    line(
      'server RSS second half of load (min–max)',
      `${Math.min(...half).toFixed(0)}–${Math.max(...half).toFixed(0)} MB`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
