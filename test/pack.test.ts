import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../src/align/vectors-paths.js';
import { ROOT } from './helpers.js';

/** Every file under a folder (relative paths). */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p, base) : [p.slice(base.length + 1)];
  });
}

/**
 * What a new user does: `npm pack`, install the tarball into an empty project (runtime dependencies only), import
 * `unspun` by name from a plain node script and compare two short texts. Needs `dist/` (npm test builds first).
 * Dependencies come from the npm cache where it has them, else the registry.
 */
describe('the packed package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspun-pack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('installs from its tarball and works when imported by name', { timeout: 300_000 }, () => {
    const npm = (args: string[], cwd: string) =>
      execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // --ignore-scripts: `prepare` would rebuild dist and the vector cache; the test packs what the build made.
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const shipped = packed[0].files.map((f) => f.path);
    expect(shipped).toContain('dist/src/index.js');
    expect(shipped).toContain('dist/src/index.d.ts');
    expect(shipped.filter((f) => /\.test\.|tester|test-support/.test(f))).toEqual([]);

    const project = join(dir, 'consumer');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
    );
    npm(
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', join(dir, packed[0].filename)],
      project,
    );
    const installed = join(project, 'node_modules', 'unspun');
    expect(existsSync(join(project, 'node_modules', 'vitest')), 'no devDependencies installed').toBe(false);
    const code = walk(installed).filter((f) => f.endsWith('.js'));
    expect(code.filter((f) => /from ['"]vitest['"]/.test(readFileSync(join(installed, f), 'utf8')))).toEqual([]);

    writeFileSync(
      join(project, 'main.js'),
      `import { compare, loadVectors, rules } from 'unspun';
const r = compare('The ministry said 12,000 soldiers were deployed to the border on Tuesday.',
  'Nearly 12,000 troops have been sent to the border, the ministry claims.', { vectors: loadVectors() });
let missing = null;
try { compare('One text.', 'Another text.'); } catch (e) { missing = e.constructor.name + ': ' + e.message; }
console.log(JSON.stringify({ schema: r.schema, verdict: r.relation.verdict, links: r.alignment.length, rules: rules.length, missing }));\n`,
    );
    // Reuse the vector cache the build made; without one the package would build it in $XDG_CACHE_HOME, never in node_modules.
    const cache = join(ROOT, '.cache');
    const env = {
      ...process.env,
      XDG_CACHE_HOME: join(dir, 'xdg'),
      UNSPUN_CACHE: existsSync(join(cache, CACHE_FILE)) ? cache : '',
    };
    const out = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8', env }));
    expect(out).toMatchObject({ schema: 'unspun.compare/3', links: 1, rules: 18 });
    expect(['rewrite', 'partial-reuse', 'verbatim-copy']).toContain(out.verdict);
    // Forgetting { vectors } names the fix, not an internal property read.
    expect(out.missing).toMatch(
      /^TypeError: compare\(source, derived, \{ vectors \}\) needs word vectors: pass \{ vectors: loadVectors\(\) \}/,
    );
    expect(existsSync(join(installed, '.cache')), 'nothing written inside the package').toBe(false);
  });
});
