import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const db = join(mkdtempSync(join(tmpdir(), 'unspun-quotes-cli-')), 'q.db');

describe('unspun quotes', () => {
  it('text, markdown and --json (unspun.quotes/1) on a real corpus; bad input is one line and exit 2', () => {
    const added = cli(['add', join(ROOT, 'test/fixtures/quotes/harbour.jsonl'), '--db', db, '--workers', '0']);
    expect(added.code, added.stderr).toBe(0);

    const text = cli(['quotes', 'the fishermen will have their berths back before winter', '--db', db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/7 appearance\(s\): 6 quoted, 1 restated/);
    expect(text.stdout).toMatch(/before \[winter → summer\]/);
    expect(text.stdout).toMatch(/Aled Price \(cooperative spokesman\) {2}⚠ speaker changed/);

    const md = cli([
      'quotes',
      'the fishermen will have their berths back before winter',
      '--db',
      db,
      '--format',
      'markdown',
    ]);
    expect(md.stdout).toMatch(/^## “the fishermen will have their berths back before winter”/m);
    expect(md.stdout).toMatch(/~~winter~~ \*\*summer\*\*/);
    expect(md.stdout).toMatch(
      /\| #5 New pier for Morrow · Shore Notes \| 2026-05-06 \| no speaker \| speaker dropped \|/,
    );

    const json = JSON.parse(cli(['quotes', '--article', '7', '--db', db, '--json']).stdout);
    expect(json.schema).toBe('unspun.quotes/1');
    expect(json.query).toEqual({ text: null, article: 7 });
    expect(json.trails.map((t: { earliest: { mutations: string[] } }) => t.earliest.mutations)).toEqual([
      [],
      ['possibly-fabricated'],
    ]);

    for (const args of [
      ['quotes', '--db', db],
      ['quotes', 'x y', '--article', '1', '--db', db],
      ['quotes', '--article', '99', '--db', db],
      ['quotes', 'the of and', '--db', db],
    ]) {
      const bad = cli(args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});
