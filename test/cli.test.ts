import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, example } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'unspun-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};

/** Bad input: one line on stderr, exit 2, never a stack trace. */
function expectInputError(r: ReturnType<typeof cli>, pattern: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines.length, r.stderr).toBeLessThanOrEqual(2); // commander may add a "(run with --help …)" hint
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('unspun analyze: bad input', () => {
  it('empty input', () => expectInputError(cli(['analyze', file('empty.txt', '')]), /empty/i));
  it('whitespace only', () =>
    expectInputError(cli(['analyze', file('blank.txt', '  \n\n \t')]), /empty|no (extractable )?text/i));
  it('binary with NUL bytes', () =>
    expectInputError(
      cli(['analyze', file('bin.dat', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]))]),
      /binary/i,
    ));
  it('over --max-bytes', () =>
    expectInputError(cli(['analyze', file('big.txt', 'word '.repeat(400)), '--max-bytes', '1k']), /max-bytes/));
  it('missing file', () => expectInputError(cli(['analyze', join(tmp, 'nope.txt')]), /no such file/));
  it('HTML with no extractable text', () =>
    expectInputError(
      cli(['analyze', file('empty.html', '<html><body><script>var a=1</script></body></html>')]),
      /no (extractable )?text/i,
    ));
  it('usage error: missing argument', () => expect(cli(['analyze']).code).toBe(2));
  it('unknown command', () => expect(cli(['frobnicate']).code).toBe(2));
  it('stdin', () => {
    const r = cli(
      ['analyze', '-', '--json'],
      'The minister said on Monday that 40 schools would close. "It is a hard choice," she said.',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sentences).toHaveLength(2);
  });
});

describe('unspun analyze', () => {
  it('broken HTML is parsed leniently', () => {
    const r = cli([
      'analyze',
      file(
        'broken.html',
        '<html><body><p>The council said on Friday that <b>twelve bridges</b> need repairs.<p>Work starts in May.<div></body>',
      ),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).text).toMatch(/twelve bridges/);
  });

  it('non-English text: exit 0 with a warning', () => {
    const r = cli([
      'analyze',
      file(
        'de.txt',
        'Die Bundesregierung hat am Dienstag beschlossen, die Förderung für den Ausbau der Bahnstrecken deutlich zu erhöhen. Der Verkehrsminister sagte, die Mittel würden bis Ende des Jahres verteilt.',
      ),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*tuned for English/);
  });

  it('--json: one document whose spans slice back to the text', () => {
    const r = cli(['analyze', example('wire-rail-delays.txt'), '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.schema).toBe('unspun.analysis/2');
    expect(a.language).toBe('en');
    const spans = [
      ...a.sentences,
      ...a.boilerplate,
      ...a.entities,
      ...a.numbers,
      ...a.quotes,
      ...a.attributions,
      ...a.hedges,
    ];
    expect(spans.length).toBeGreaterThan(20);
    for (const s of spans) expect(a.text.slice(s.start, s.end)).toBe(s.text);
    expect(a.sentences.map((s: { id: number }) => s.id)).toEqual(a.sentences.map((_: unknown, i: number) => i));
  });
});

describe('unspun compare', () => {
  const args = [example('wire-rail-delays.txt'), example('farm-rail-delays.html')];

  it('--json prints the unspun.compare/3 object', () => {
    const r = cli(['compare', ...args, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schema).toBe('unspun.compare/3');
    expect(j.tool.name).toBe('unspun');
    expect(j.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const k of ['relation', 'scores', 'alignment', 'findings']) expect(j).toHaveProperty(k);
    for (const f of j.findings) {
      expect(['high', 'medium', 'low', 'info']).toContain(f.severity);
      if (f.derived) expect(j.derived.text.slice(f.derived.start, f.derived.end)).toBe(f.derived.text);
      if (f.source) expect(j.source.text.slice(f.source.start, f.source.end)).toBe(f.source.text);
    }
  });

  it('terminal report groups findings by severity and quotes both sentences', () => {
    const r = cli(['compare', ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/In short: This is (a rewrite|a text that reuses part) of the source/);
    expect(r.stdout).toMatch(/^MEDIUM \(\d+\)/m);
    expect(r.stdout).toMatch(/source\s+“/);
    // Offsets are for --verbose.
    expect(cli(['compare', ...args, '--verbose']).stdout).toMatch(/source\s+\[\d+,\d+\) “/);
  });

  it('--format markdown', () => {
    const r = cli(['compare', ...args, '--format', 'markdown']);
    expect(r.stdout).toMatch(/^## Unspun compare: /);
    expect(r.stdout).toMatch(/\| `reporting-verb-shift` \|/);
  });

  it('--fail-on exits 1 when a finding at or above it exists, 0 when none', () => {
    expect(cli(['compare', ...args, '--fail-on', 'medium']).code).toBe(1);
    const off = [
      'quote-removed',
      'reporting-verb-shift',
      'unsupported-content',
      'source-uncredited',
      'attribution-removed',
      'hedge-added',
      'hedge-removed',
      'speaker-description-changed',
      'number-changed',
      'entity-changed',
      'quote-altered',
      'quote-fabricated',
      'attribution-changed',
      'negation-flip',
    ];
    expect(cli(['compare', ...args, '--fail-on', 'medium', ...off.flatMap((id) => ['--rule', `${id}=off`])]).code).toBe(
      0,
    );
  });

  it('--rule changes severity, unknown rules are usage errors', () => {
    const j = JSON.parse(cli(['compare', ...args, '--json', '--rule', 'boilerplate=high']).stdout);
    expect(
      j.findings
        .filter((f: { ruleId: string }) => f.ruleId === 'boilerplate')
        .every((f: { severity: string }) => f.severity === 'high'),
    ).toBe(true);
    expectInputError(cli(['compare', ...args, '--rule', 'no-such-rule=off']), /no-such-rule/);
    expectInputError(cli(['compare', ...args, '--rule', 'boilerplate=severe']), /severe/);
  });

  it('bad config file is exit 2', () => {
    expectInputError(cli(['compare', ...args, '--config', file('bad.json', '{ nope')]), /config/);
  });
});
