import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, example } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'unspun-pairs-cli-'));

describe('unspun compare --pairs', () => {
  it('prints one JSON line per pair in input order, reports a bad line on stderr, skips it and exits 1', () => {
    const path = join(dir, 'pairs.jsonl');
    writeFileSync(
      path,
      [
        JSON.stringify({
          id: 'spin',
          source_file: example('wire-rail-delays.txt'),
          derived_file: example('farm-rail-delays.html'),
        }),
        '{"id": broken',
        JSON.stringify({
          id: 'unrelated',
          source_file: example('wire-rail-delays.txt'),
          derived_file: example('unrelated-harbour-festival.txt'),
        }),
      ].join('\n') + '\n',
    );
    const r = cli(['compare', '--pairs', path]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.schema, l.id, l.index])).toEqual([
      ['unspun.pairs/1', 'spin', 0],
      ['unspun.pairs/1', 'unrelated', 2],
    ]);
    expect(lines[0].result.relation.verdict).toBe('rewrite');
    expect(lines[1].result.relation.verdict).toBe('unrelated');
    expect(r.stderr).toMatch(/pairs\.jsonl:2: bad JSON/);
    expect(r.stderr).toMatch(/1 pair\(s\) failed/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('exits 0 when every pair compares, and 2 for a missing file or a pair of paths as well', () => {
    const path = join(dir, 'ok.csv');
    writeFileSync(path, `source,derived\n${example('wire-rail-delays.txt')},${example('copy-rail-delays.txt')}\n`);
    const r = cli(['compare', '--pairs', path, '--workers', '1']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('2');
    expect(cli(['compare', '--pairs', join(dir, 'nope.jsonl')]).code).toBe(2);
    expect(cli(['compare', example('wire-rail-delays.txt'), '--pairs', path]).code).toBe(2);
    expect(cli(['compare', example('wire-rail-delays.txt')]).code).toBe(2);
  }, 60_000);
});
