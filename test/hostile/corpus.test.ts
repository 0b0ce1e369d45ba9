import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

// Several CLI processes at once: room for a loaded 2-core machine.
const SLOW = { timeout: 400_000 };
import { loadVectors } from '../../src/align/vectors.js';
import { addPaths } from '../../src/corpus/add.js';
import { readJsonl } from '../../src/corpus/readers/jsonl-reader.js';
import { readWarc } from '../../src/corpus/readers/warc-reader.js';
import { openStore, storeError } from '../../src/store/index.js';
import { page, warcResponse } from '../store/helpers.js';
import { oneLine, run, sentences, tmp, write } from './helpers.js';

const dir = tmp('corpus');
const vectors = loadVectors();
const story = (i: number) =>
  `${sentences(3 + (i % 4))} Officials in district ${i} said 'I will not resign,' and well-to-do-ish residents agreed.`;
const jsonl = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => JSON.stringify({ id: `r${from + k}`, text: story(from + k) })).join(
    '\n',
  ) + '\n';
const evil = write(
  dir,
  'evil.jsonl',
  JSON.stringify({
    id: 'e1',
    title: 'Title\x1b]0;pwned\x07\x1b[2J',
    outlet: 'Out\x9b31m',
    text: 'The council voted on Tuesday.\x1b[31m It was close.',
  }) + '\n',
);
const db = join(dir, 'c.db');
afterAll(() => {
  try {
    execFileSync('chattr', ['-i', db]);
  } catch {}
});

describe('item 7: concurrent writers', () => {
  it('an insert that another writer beat comes back as a duplicate, not a crash', async () => {
    const path = join(dir, 'race.db');
    const a = await openStore(path);
    const b = await openStore(path);
    const both = write(dir, 'both.jsonl', jsonl(0, 6));
    const sa = await addPaths(a, [both], { vectors, workers: 0 });
    // b looked before a committed: simulate by inserting the same records through b's own batch.
    const sb = await addPaths(b, [write(dir, 'overlap.jsonl', jsonl(3, 9))], { vectors, workers: 0 });
    expect(sa.added + sb.added).toBe(9);
    await a.close();
    await b.close();
  });

  it('two CLI adds with overlapping records on one file both succeed', SLOW, async () => {
    const path = join(dir, 'two.db');
    const [x, y] = await Promise.all([
      run(['add', write(dir, 'x.jsonl', jsonl(0, 12)), '--db', path, '--workers', '0', '--json']),
      run(['add', write(dir, 'y.jsonl', jsonl(6, 18)), '--db', path, '--workers', '0', '--json']),
    ]);
    expect([x.code, y.code], x.stderr + y.stderr).toEqual([0, 0]);
    const s = await openStore(path, { readonly: true });
    expect(await s.count()).toBe(18);
    await s.close();
  });

  it('a lock held past busy_timeout is a one-line InputError', () => {
    const path = join(dir, 'locked.db');
    const holder = new Database(path);
    holder.exec('CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
    const other = new Database(path, { timeout: 0 });
    let err: unknown;
    try {
      other.exec('BEGIN IMMEDIATE');
    } catch (e) {
      err = storeError(e, path);
    }
    expect((err as Error).message).toMatch(/is locked by another unspun process/);
    holder.exec('ROLLBACK');
    holder.close();
    other.close();
  });
});

describe('item 8: broken WARC files are failed records, never silent', () => {
  it('truncated, corrupt and not-gzip .warc.gz', SLOW, async () => {
    const recs = await Promise.all(
      [0, 1, 2].map((i) => warcResponse(`https://x.example/${i}`, page(`Story ${i}`, story(i)), true)),
    );
    const all = Buffer.concat(recs);
    const cases = {
      truncated: all.subarray(0, all.length - 30),
      corrupt: Buffer.from(all).fill(0x41, recs[0].length + 40, recs[0].length + 60),
      notgzip: Buffer.from('hello, this is not gzip at all\n'.repeat(10)),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const items = [];
      for await (const item of readWarc(write(dir, `${name}.warc.gz`, bytes))) items.push(item);
      expect(
        items.some((i) => 'failed' in i),
        name,
      ).toBe(true);
    }
    const r = await run(['add', join(dir, 'truncated.warc.gz'), '--db', join(dir, 'warc.db'), '--workers', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/failed: .*truncated\.warc\.gz#\d+: truncated or corrupt WARC: gzip error/);
  });
});

describe('item 9: exit codes and option values', () => {
  it('JSONL with a byte-order mark keeps its first record; an over-long line is reported', async () => {
    const bom = write(dir, 'bom.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl(0, 2))]));
    const items = [];
    for await (const item of readJsonl(bom)) items.push(item);
    expect(items.map((i) => ('record' in i ? i.record.article : i.failed.reason))).toEqual(['r0', 'r1']);
    const long = write(dir, 'long.jsonl', `${JSON.stringify({ text: 'x '.repeat(600) })}\n${jsonl(5, 6)}`);
    const got = [];
    for await (const item of readJsonl(long, 1000)) got.push(item);
    expect(got.map((i) => ('record' in i ? i.record.article : i.failed.reason))).toEqual([
      expect.stringMatching(/over --max-bytes/),
      'r5',
    ]);
  });

  it('bad DB file, --db on a folder, bad option values, missing --html folder: one line, exit 2', SLOW, async () => {
    const notDb = write(dir, 'not.db', 'this is not sqlite, not at all, not even close');
    mkdirSync(join(dir, 'folder.db'), { recursive: true });
    const art = write(dir, 'a.txt', story(1));
    const results = await Promise.all([
      run(['list', '--db', notDb]),
      run(['add', art, '--db', notDb]),
      run(['list', '--db', join(dir, 'folder.db')]),
      run(['add', art, '--db', join(dir, 'folder.db')]),
      run(['list', '--limit', 'abc', '--db', notDb]),
      run(['add', art, '--workers', 'abc', '--db', join(dir, 'w.db')]),
      run(['families', '--json', '--graphml', '--db', notDb]),
      run(['compare', art, art, '--html', join(dir, 'missing', 'r.html')]),
    ]);
    const lines = results.map(oneLine);
    expect(lines[0]).toMatch(/is not an unspun corpus/);
    expect(lines[2]).toMatch(/is a directory/);
    expect(lines[4]).toMatch(/--limit/);
    expect(lines[5]).toMatch(/--workers/);
    expect(lines[6]).toMatch(/cannot be used with/);
    expect(lines[7]).toMatch(/--html .* does not exist/);
    expect(results[7].stdout).toBe(''); // checked before any work
  });

  it(
    '--workers 200 is capped; show --json has a schema; sanitised list and show; export | head -1 is quiet',
    SLOW,
    async () => {
      const add = await run(['add', evil, write(dir, 'two.jsonl', jsonl(100, 102)), '--db', db, '--workers', '200']);
      expect(add.code, add.stderr).toBe(0);
      expect(add.stderr).toMatch(/--workers 200 capped at \d+/);
      const [show, list, head] = await Promise.all([
        run(['show', '1', '--json', '--db', db]),
        run(['list', '--db', db]),
        run([], { shell: `UNSPUN export --db '${db}' | head -c 10` }),
      ]);
      expect(JSON.parse(show.stdout).schema).toBe('unspun.show/1');
      expect(list.stdout).toContain('\\x1b]0;pwned\\x07');
      expect(list.stdout).not.toMatch(/[\x07\x1b\x9b]/);
      expect(head.stderr).toBe('');
    },
  );

  it('a read-only (immutable) corpus: read commands work, add is a one-line error', SLOW, async () => {
    try {
      execFileSync('chattr', ['+i', db]);
    } catch {
      return; // no chattr on this file system: nothing to show here
    }
    const before = readFileSync(db);
    const [list, families, exp, add] = await Promise.all([
      run(['list', '--db', db]),
      run(['families', '--db', db]),
      run(['export', '--db', db]),
      run(['add', write(dir, 'more.jsonl', jsonl(200, 201)), '--db', db, '--workers', '0']),
    ]);
    execFileSync('chattr', ['-i', db]);
    expect([list.code, families.code, exp.code], list.stderr + families.stderr + exp.stderr).toEqual([0, 0, 0]);
    // A progress line may come first (stderr); the error is the last line, exit 2, no stack trace.
    expect(add.code).toBe(2);
    expect(add.stderr.trim().split('\n').at(-1)).toMatch(/read-only/);
    expect(add.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(existsSync(db)).toBe(true);
  });
});

describe('item 4: a time budget per document in batch ingest', () => {
  it('a record whose analysis overruns --doc-timeout is a failed record; the batch goes on', SLOW, async () => {
    // ~2 MB of short sentences: analysis (of the first 300,000 characters) takes ~1 s on an idle machine, more under
    // load; the two small stories take milliseconds. A 1 s budget let the big one through on an idle machine.
    let huge = '';
    for (let i = 0; huge.length < 2_000_000; i++)
      huge += `Mayor Lena Ortiz said ${i + 3} buses would run on route ${i % 40}. `;
    const input = write(
      dir,
      'timeout.jsonl',
      [
        { id: 't1', text: story(1) },
        { id: 'huge', text: huge },
        { id: 't2', text: story(2) },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    const r = await run([
      'add',
      input,
      '--db',
      join(dir, 'timeout.db'),
      '--doc-timeout',
      '0.3',
      '--workers',
      '1',
      '--json',
    ]);
    console.log(`[hostile] add with one overrunning record: ${r.ms} ms`);
    expect(r.code, r.stderr).toBe(1);
    const summary = JSON.parse(r.stdout);
    expect(summary.added).toBe(2);
    expect(summary.failed).toEqual([
      { source: `${input}:2`, reason: 'analysis took longer than 0.3 s (--doc-timeout)' },
    ]);
    // The progress lines on stderr end with the same counts as the summary (they are throttled, so can lag).
    const lines = r.stderr.match(/unspun: \d+ read, .*/g) ?? [];
    expect(lines.at(-1)).toBe('unspun: 3 read, 2 added, 0 duplicates, 1 failed');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--doc-timeout takes seconds; anything else is a usage error', async () => {
    const r = await run([
      'add',
      write(dir, 'one.jsonl', jsonl(0, 1)),
      '--db',
      join(dir, 'x.db'),
      '--doc-timeout',
      'soon',
    ]);
    expect(oneLine(r)).toMatch(/--doc-timeout.*expected seconds/);
  });
});
