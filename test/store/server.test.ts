import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cli } from '../helpers.js';
import { bulletins, FIXTURES, tempDir } from './helpers.js';
import { SKIP_POSTGRES, pgUrl } from './postgres.js';

/**
 * The cases only a shared store exposes, run through the built CLI as separate processes: concurrent writers,
 * a worker killed mid-batch, and a corpus moved between backends.
 */
const dir = tempDir('server');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the CLI as a child process; resolves with its exit code and output. */
function run(args: string[], env: NodeJS.ProcessEnv = {}, onStderr?: (text: string, kill: () => void) => void) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/unspun.js'), ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
    onStderr?.(stderr, () => child.kill('SIGKILL'));
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
}

const json = (out: string) => JSON.parse(out) as Record<string, unknown>;

const backends: Array<[string, () => string, string | false]> = [
  ['sqlite', () => join(dir, `concurrent-${Math.random().toString(36).slice(2)}.db`), false],
  ['postgres', () => pgUrl('concurrent'), SKIP_POSTGRES],
];

describe.each(backends)('two writers at once: %s', (_name, url, skip) => {
  it.skipIf(skip)('two processes adding the same records store each exactly once', { timeout: 600_000 }, async () => {
    const db = url();
    const input = join(dir, `same-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(input, bulletins(40));
    const [a, b] = await Promise.all([1, 2].map(() => run(['add', input, '--db', db, '--json', '--workers', '1'])));
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const [sa, sb] = [json(a.stdout), json(b.stdout)];
    // Every record was stored by one of the two, and counted as a duplicate by the other.
    expect((sa.added as number) + (sb.added as number)).toBe(40);
    expect((sa.duplicates as number) + (sb.duplicates as number)).toBe(40);
    const list = json(cli(['list', '--db', db, '--json', '--limit', '1000']).stdout).articles as Array<{
      article: string;
      hash: string;
      version: number;
    }>;
    expect(list).toHaveLength(40);
    expect(new Set(list.map((m) => m.hash)).size).toBe(40);
    expect(new Set(list.map((m) => m.article)).size).toBe(40);
    expect(list.every((m) => m.version === 1)).toBe(true);
  });
});

describe.skipIf(SKIP_POSTGRES)('queue and workers on PostgreSQL', () => {
  it('re-runs the jobs of a worker killed with SIGKILL mid-batch: nothing lost, nothing doubled', {
    timeout: 600_000,
  }, async () => {
    const db = pgUrl('kill');
    const input = join(dir, 'kill.jsonl');
    writeFileSync(
      input,
      bulletins(120) +
        JSON.stringify({ id: 'menu-only', html: '<html><body><nav><a href="/">Home</a></nav></body></html>' }) +
        '\n',
    );
    const env = { UNSPUN_JOB_EXPIRE_SECONDS: '3', UNSPUN_JOB_RETRY_DELAY_SECONDS: '1' };
    const q = await run(['add', input, '--db', db, '--queue', '--json'], env);
    expect(q.code, q.stderr).toBe(0);
    expect(json(q.stdout)).toMatchObject({ enqueued: 121, alreadyQueued: 0 });
    const again = await run(['add', input, '--db', db, '--queue', '--json'], env);
    expect(json(again.stdout)).toMatchObject({ enqueued: 0, alreadyQueued: 121 });

    // The first worker is killed after it has committed one batch, as soon as it has fetched the next.
    const killed = await run(['worker', '--db', db, '--batch-size', '50'], env, (err, kill) => {
      if ((err.match(/fetched \d+ jobs/g) ?? []).length >= 2) kill();
    });
    expect(killed.signal).toBe('SIGKILL');
    const mid = json(cli(['jobs', '--db', db, '--json']).stdout) as {
      counts: Record<string, number>;
      articles: number;
    };
    // One batch committed (49 or 50 articles: the menu-only record may be in it), the next one left active.
    expect(mid.articles).toBeGreaterThanOrEqual(49);
    expect(mid.articles).toBeLessThanOrEqual(50);
    expect(mid.counts.active).toBe(50);

    const rest = await run(
      ['worker', '--db', db, '--until-empty', '--json', '--concurrency', '2', '--batch-size', '50'],
      env,
    );
    expect(rest.code, rest.stderr).toBe(0);
    const jobs = json(cli(['jobs', '--db', db, '--json']).stdout) as {
      counts: Record<string, number>;
      articles: number;
      deadLetters: number;
      failures: Array<{ error: string }>;
    };
    expect(jobs.articles).toBe(120);
    expect(jobs.counts.completed).toBe(120);
    // The empty record failed every retry and went to the dead-letter queue with its reason.
    expect(jobs.counts.failed).toBe(1);
    expect(jobs.deadLetters).toBe(1);
    expect(jobs.failures[0].error).toMatch(/kill\.jsonl:121: no extractable text/);
    const list = json(cli(['list', '--db', db, '--json', '--limit', '1000']).stdout).articles as Array<{
      hash: string;
    }>;
    expect(new Set(list.map((m) => m.hash)).size).toBe(120);
  });

  it('moves a corpus between backends: export | add --db postgres://… round-trips exactly', {
    timeout: 600_000,
  }, async () => {
    const sqlite = join(dir, 'move.db');
    expect(cli(['add', FIXTURES, join(ROOT, 'examples'), '--db', sqlite, '--workers', '0']).code).toBe(0);
    const exported = cli(['export', '--db', sqlite]).stdout;
    const pg = pgUrl('move');
    // Piped, as a user would: unspun export | unspun add --db postgres://…
    const added = cli(['add', '--db', pg, '--workers', '0', '--json'], exported);
    expect(added.code, added.stderr).toBe(0);
    expect(json(added.stdout)).toMatchObject({ added: 10, failed: [] });
    const back = cli(['export', '--db', pg]).stdout;
    const strip = (s: string) =>
      s
        .trim()
        .split('\n')
        .map((l) => {
          const { storeId: _id, ...rest } = JSON.parse(l) as Record<string, unknown>;
          return rest;
        });
    expect(strip(back)).toEqual(strip(exported));
    expect(strip(back).length).toBe(10);
  });
});
