import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, example } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'unspun-corpus-cli-'));
const db = join(tmp, 'corpus.db');

describe('unspun corpus commands on a real SQLite file', () => {
  it('add → list → trace → families → show → export → rm', () => {
    const added = cli(['add', join(ROOT, 'examples'), '--db', db, '--json', '--workers', '0']);
    expect(added.code, added.stderr).toBe(0);
    const summary = JSON.parse(added.stdout);
    expect(summary.added).toBe(5);

    const again = JSON.parse(cli(['add', join(ROOT, 'examples'), '--db', db, '--json', '--workers', '0']).stdout);
    expect(again.added).toBe(0);
    expect(again.duplicates).toBe(5);

    const list = JSON.parse(cli(['list', '--db', db, '--json']).stdout).articles as Array<{
      id: number;
      source: string;
    }>;
    expect(list).toHaveLength(5);
    const idOf = (name: string) => list.find((a) => a.source.endsWith(name))!.id;

    // The spin traces back to the wire story, and the query itself is never a candidate.
    const tr = cli(['trace', String(idOf('farm-rail-delays.html')), '--db', db, '--json']);
    expect(tr.code, tr.stderr).toBe(0);
    const t = JSON.parse(tr.stdout);
    expect(t.schema).toBe('unspun.trace/2');
    expect(t.candidates[0].id).toBe(idOf('wire-rail-delays.txt'));
    expect(t.candidates[0].role).toBe('origin');
    expect(t.candidates.map((c: { id: number }) => c.id)).not.toContain(idOf('farm-rail-delays.html'));

    // A file not in the corpus can be traced too.
    const fromFile = JSON.parse(cli(['trace', example('copy-rail-delays.txt'), '--db', db, '--json']).stdout);
    expect(fromFile.candidates[0].id).toBe(idOf('wire-rail-delays.txt'));

    const fam = JSON.parse(cli(['families', '--db', db, '--json']).stdout);
    expect(fam.schema).toBe('unspun.families/2');
    const family = fam.families.find((f: { members: Array<{ id: number }> }) =>
      f.members.some((m) => m.id === idOf('wire-rail-delays.txt')),
    );
    expect(family.origin).toBe(idOf('wire-rail-delays.txt'));
    expect(family.members.map((m: { id: number }) => m.id)).not.toContain(idOf('unrelated-harbour-festival.txt'));
    expect(cli(['families', '--db', db, '--dot']).stdout).toMatch(/^digraph/m);
    expect(cli(['families', '--db', db, '--graphml']).stdout).toMatch(/<graphml/);

    const shown = JSON.parse(cli(['show', String(idOf('wire-rail-delays.txt')), '--db', db, '--json']).stdout);
    expect(shown.text).toMatch(/Federal Railway Authority/);

    const exported = cli(['export', '--db', db, '--jsonl']).stdout.trim().split('\n');
    expect(exported).toHaveLength(5);
    expect(() => exported.map((l) => JSON.parse(l))).not.toThrow();

    expect(cli(['rm', String(idOf('unrelated-harbour-festival.txt')), '--db', db]).code).toBe(0);
    expect(JSON.parse(cli(['list', '--db', db, '--json']).stdout).articles).toHaveLength(4);
  }, 240_000); // a dozen CLI processes, each loading the NLP model and vectors

  it('bad input: missing corpus, unknown id, malformed id, unsupported store URL, a bad JSON line is skipped with exit 1', () => {
    expect(cli(['list', '--db', join(tmp, 'none.db')]).code).toBe(2);
    expect(cli(['show', '999999', '--db', db]).code).toBe(2);
    expect(cli(['rm', 'abc', '--db', db]).code).toBe(2);
    // A PostgreSQL server that is not there: one line naming it (without the password), exit 2.
    const pg = cli(['list', '--db', 'postgres://me:secret@127.0.0.1:1/unspun']);
    expect(pg.code).toBe(2);
    expect(pg.stderr.trim()).toMatch(
      /^unspun: cannot open PostgreSQL store postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/unspun[^\n]*$/,
    );
    expect(cli(['list', '--db', 'mysql://localhost/unspun']).code).toBe(2);
    const jsonl = join(tmp, 'batch.jsonl');
    writeFileSync(
      jsonl,
      '{"id":"a1","title":"Bridge reopens","text":"The Elbe bridge reopened on Monday after repairs costing 3 million euros, the city said."}\n{not json\n',
    );
    const r = cli(['add', jsonl, '--db', db, '--json', '--workers', '0']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.added).toBe(1);
    expect(s.failed).toHaveLength(1);
  });
});
