import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** `.ci/postgres.sh` fetches pgvector's source from the Debian mirror the machine already uses. */
describe('.ci/apt-mirror.sh', () => {
  const mirror = (files: Record<string, string>, codename = 'bookworm') => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-apt-'));
    mkdirSync(join(dir, 'sources.list.d'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'os-release'), `ID=debian\nVERSION_CODENAME=${codename}\n`);
    const r = spawnSync('bash', ['-c', `source '${join(ROOT, '.ci/apt-mirror.sh')}' && apt_mirror`], {
      env: { ...process.env, APT_ETC: dir, OS_RELEASE: join(dir, 'os-release') },
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    return r.status === 0 ? r.stdout.trim() : null;
  };

  it("reads the release suite's archive from deb822 .sources and one-line lists, skipping security and others", () => {
    const deb822 = [
      'Types: deb\nURIs: http://mirror.test/debian-security\nSuites: bookworm-security\nComponents: main\n',
      'Types: deb\nURIs: http://mirror.test/off\nSuites: bookworm\nEnabled: no\n',
      'Types: deb\n# a comment\nURIs: http://mirror.test/debian\nSuites: bookworm bookworm-updates\nComponents: main\n',
    ].join('\n');
    expect(mirror({ 'sources.list.d/debian.sources': deb822 })).toBe('http://mirror.test/debian');
    const oneLine =
      'deb https://other.test/apt cloud-sdk main\ndeb [arch=amd64 signed-by=/k.gpg] http://lists.test/debian bookworm main\n';
    expect(mirror({ 'sources.list': oneLine })).toBe('http://lists.test/debian');
    expect(mirror({ 'sources.list': oneLine }, 'trixie')).toBeNull();
  });

  it('the CI scripts name no package host of their own', () => {
    for (const f of ['.ci/postgres.sh', '.ci/run', '.ci/apt-mirror.sh'])
      expect(readFileSync(join(ROOT, f), 'utf8').replace(/^\s*#.*$/gm, '')).not.toMatch(/https?:\/\//);
  });
});
