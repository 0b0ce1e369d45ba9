import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../align/vectors.js';
import { compare } from '../compare.js';
import { comparePairs, readPairs, type PairOutcome } from './pairs.js';

const vectors = loadVectors();
const dir = mkdtempSync(join(tmpdir(), 'unspun-pairs-'));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const SOURCE =
  'The mayor said on Monday that the city would close the old bridge for repairs in May. Engineers found cracks in two of its supports. The work will cost 2.4 million euros.';
const REWRITE =
  'The old bridge will shut in May, the mayor said, after engineers found cracks in its supports. Repairs will cost 2.4 million euros.';
const OTHER =
  'The harbour festival drew record crowds on Saturday, with boats from twelve countries. Organisers said next year it would run for three days.';

const collect = async (it: AsyncIterable<PairOutcome>) => {
  const out: PairOutcome[] = [];
  for await (const o of it) out.push(o);
  return out;
};

describe('comparePairs', () => {
  const pairs = [
    { id: 'rewrite', source: SOURCE, derived: REWRITE },
    { id: 'unrelated', source: SOURCE, derived: OTHER },
    { id: 'bad', error: 'pairs.jsonl:3: bad JSON' },
    { id: 'empty', source: SOURCE, derived: '   ' },
  ];

  it('streams outcomes in input order, the same results as compare(), errors in place', async () => {
    const out = await collect(comparePairs(pairs, { vectors, workers: 0 }));
    expect(out.map((o) => [o.index, o.id, 'result' in o])).toEqual([
      [0, 'rewrite', true],
      [1, 'unrelated', true],
      [2, 'bad', false],
      [3, 'empty', false],
    ]);
    const first = out[0] as Extract<PairOutcome, { result: unknown }>;
    expect(first.result).toEqual(JSON.parse(JSON.stringify(compare(SOURCE, REWRITE, { vectors }))));
    expect((out[2] as { error: string }).error).toBe('pairs.jsonl:3: bad JSON');
    expect((out[3] as { error: string }).error).toMatch(/empty/);
  });

  it('gives the same outcomes on two worker threads (compiled dist/) as in-process', async () => {
    const local = await collect(comparePairs(pairs, { vectors, workers: 0 }));
    const threaded = await collect(comparePairs(pairs, { vectors, workers: 2 }));
    expect(threaded).toEqual(local);
  }, 60_000);
});

describe('readPairs', () => {
  write('a.txt', SOURCE);
  write('b.txt', REWRITE);

  it('reads JSON Lines with texts, objects and file paths; bad records become errors with their line', async () => {
    const path = write(
      'pairs.jsonl',
      [
        JSON.stringify({ id: 'p1', source: SOURCE, derived: REWRITE }),
        '',
        JSON.stringify({ id: 7, source: { text: SOURCE, title: 'Bridge' }, derived_file: 'b.txt' }),
        'not json',
        JSON.stringify({ id: 'p4', source_file: 'missing.txt', derived: REWRITE }),
        JSON.stringify({ id: 'p5', source: SOURCE }),
      ].join('\n'),
    );
    const got = [];
    for await (const p of readPairs(path)) got.push(p);
    expect(got.map((p) => p.id)).toEqual(['p1', '7', '4', '5', '6']);
    expect('error' in got[0]).toBe(false);
    expect(got[1]).toMatchObject({ source: { text: SOURCE, title: 'Bridge' } });
    expect(String((got[1] as { derived: Buffer }).derived)).toBe(REWRITE);
    expect((got[2] as { error: string }).error).toMatch(/pairs\.jsonl:4: bad JSON/);
    expect((got[3] as { error: string }).error).toMatch(/pairs\.jsonl:5: no such file: .*missing\.txt/);
    expect((got[4] as { error: string }).error).toMatch(/pairs\.jsonl:6: record has no "derived"/);
  });

  it('reads CSV with a header naming the source and derived path columns', async () => {
    const path = write(
      'pairs.csv',
      'derived,source,id\nb.txt,a.txt,first\n"b.txt","a.txt","with ""quotes"""\n,a.txt,x\n',
    );
    const got = [];
    for await (const p of readPairs(path)) got.push(p);
    expect(got.map((p) => p.id)).toEqual(['first', 'with "quotes"', '4']);
    expect(String((got[0] as { source: Buffer }).source)).toBe(SOURCE);
    expect((got[2] as { error: string }).error).toMatch(/pairs\.csv:4: empty source or derived path/);
  });

  it('rejects a CSV without source and derived columns', async () => {
    const path = write('bad.csv', 'left,right\na.txt,b.txt\n');
    const got = [];
    for await (const p of readPairs(path)) got.push(p);
    expect((got[0] as { error: string }).error).toMatch(/must name "source" and "derived"/);
  });
});
