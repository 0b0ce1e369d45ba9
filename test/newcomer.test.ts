import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

/** The README's first two lines, in order: `npm run demo` must leave nothing `npm test` would trip over. */
describe('npm run demo, then npm test', () => {
  it("writes the demo report to a git-ignored path (so Biome's VCS ignore skips it)", () => {
    const def = /--html <file>[^(]*\(default:\s+"([^"]+)"\)/.exec(cli(['demo', '--help']).stdout)?.[1];
    expect(def).toBe('unspun-demo.html');
    const r = spawnSync('git', ['check-ignore', '-q', def!], { cwd: ROOT });
    expect(r.status, `${def} is not git-ignored`).toBe(0);
  });

  it('lints only source: an untracked generated file in the repository root is not read by Biome', () => {
    const stray = join(ROOT, `stray-${randomBytes(4).toString('hex')}.html`);
    // Markup Biome's a11y rules reject, were it linted.
    writeFileSync(stray, '<ul><li tabindex="0" onclick="x()">finding</li></ul>\n');
    try {
      const r = spawnSync(join(ROOT, 'node_modules/.bin/biome'), ['ci', '--colors=off', stray], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(r.stdout + r.stderr).toMatch(/provided but ignored/);
      expect(r.stdout + r.stderr).not.toMatch(/a11y/);
    } finally {
      rmSync(stray, { force: true });
    }
    // …while source still is: Biome checks at least the src/ tree.
    const listed = spawnSync(join(ROOT, 'node_modules/.bin/biome'), ['ci', '--colors=off', 'src/hash.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(listed.stdout + listed.stderr).toMatch(/Checked 1 file/);
  });
});
