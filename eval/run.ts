/**
 * `npm run eval` — runs the tasks under eval/tasks/ on ../shared/data (or UNSPUN_DATA) and writes
 * eval/results.md and eval/results.json. `--only NAME` runs one task and keeps the other rows;
 * `--check` re-runs, writes nothing, and exits 1 when a committed value moved by more than 0.001.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { renderResults, type StoredResults, type StoredRow } from './report.js';
import type { EvalContext, EvalTask } from './types.js';
import { diffResults } from './check.js';
import { withHeadline } from './headline.js';

const evalDir = dirname(fileURLToPath(import.meta.url));
const repo = resolve(evalDir, '..');

async function loadTasks(): Promise<EvalTask[]> {
  const files = readdirSync(join(evalDir, 'tasks'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  const tasks: EvalTask[] = [];
  for (const f of files) {
    try {
      const mod = (await import(join(evalDir, 'tasks', f))) as { task?: EvalTask };
      if (mod.task) tasks.push(mod.task);
    } catch (e) {
      // One broken task module (another helper mid-edit) must not stop the others.
      console.error(`eval: skipping tasks/${f}: ${String((e as Error).message ?? e).split('\n')[0]}`);
    }
  }
  // METER tasks first (they share one corpus load), then the rest by name.
  const rank = (n: string) =>
    n.startsWith('meter-') ? ['meter-relation', 'meter-passages', 'meter-retrieval'].indexOf(n) : 9;
  return tasks.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function readStored(text: string | null): StoredResults {
  return text ? (JSON.parse(text) as StoredResults) : { rows: [], details: {} };
}

async function main(): Promise<number> {
  const opts = new Command('eval')
    .option('--only <name>', 'run one task')
    .option('--check', 'compare with the committed eval/results.json; exit 1 on differences')
    .parse()
    .opts<{ only?: string; check?: boolean }>();

  const dataDir = resolve(process.env.UNSPUN_DATA ?? join(repo, '../shared/data'));
  if (!existsSync(dataDir)) {
    console.error(`eval: data folder ${dataDir} not found (set UNSPUN_DATA to the shared datasets)`);
    return 2;
  }
  const all = await loadTasks();
  const tasks = opts.only ? all.filter((t) => t.name === opts.only) : all;
  if (tasks.length === 0) {
    console.error(`eval: no task named ${opts.only}; tasks: ${all.map((t) => t.name).join(', ')}`);
    return 2;
  }

  const date = new Date().toISOString().slice(0, 10);
  // Results measured on uncommitted kernel code say so: the commit alone would not reproduce them.
  const dirty = git('status', '--porcelain', '--', 'src', 'lexicons') ? '+dirty' : '';
  const commit = (git('rev-parse', '--short', 'HEAD') ?? 'unknown') + dirty;
  const bar = new cliProgress.SingleBar(
    {
      format: '{task} [{bar}] {value}/{total} {duration}s',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const fresh: StoredResults = { rows: [], details: {} };

  for (const t of tasks) {
    const details: string[] = [];
    let started = false;
    const ctx: EvalContext = {
      dataDir,
      progress(name, done, total) {
        if (!started) {
          bar.start(total, done, { task: name });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { task: name });
      },
      detail: (md) => details.push(md),
    };
    const t0 = Date.now();
    const rows = await t.run(ctx);
    if (started) bar.stop();
    console.error(`eval: ${t.name} done in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
    fresh.rows.push(...rows.map((r): StoredRow => ({ ...r, date, commit })));
    fresh.details[t.name] = [`_${t.description}_`, ...details].join('\n\n');
  }

  const jsonPath = join(evalDir, 'results.json');
  if (opts.check) {
    const committed = readStored(
      git('show', 'HEAD:eval/results.json') ?? (existsSync(jsonPath) ? readFileSync(jsonPath, 'utf8') : null),
    );
    const names = new Set(tasks.map((t) => t.name));
    const diffs = diffResults({ rows: committed.rows.filter((r) => names.has(r.task)), details: {} }, fresh);
    for (const d of diffs) console.error('eval --check: ' + d);
    if (diffs.length === 0) console.error('eval --check: all values match');
    return diffs.length ? 1 : 0;
  }

  // --only keeps the other tasks' rows and details from the last full run.
  const previous = readStored(existsSync(jsonPath) ? readFileSync(jsonPath, 'utf8') : null);
  const names = new Set(tasks.map((t) => t.name));
  // A task may write rows under other task names (quotes writes quote-clusters, quote-provenance …): a fresh row
  // replaces the stored row of the same dataset, task and metric too.
  const rowKey = (r: StoredRow) => `${r.dataset}\u0000${r.task}\u0000${r.metric}`;
  const freshKeys = new Set(fresh.rows.map(rowKey));
  const merged: StoredResults = {
    rows: [...previous.rows.filter((r) => !names.has(r.task) && !freshKeys.has(rowKey(r))), ...fresh.rows],
    details: {
      ...Object.fromEntries(Object.entries(previous.details).filter(([k]) => !names.has(k))),
      ...fresh.details,
    },
  };
  const order = all.map((t) => t.name);
  merged.rows.sort((a, b) => order.indexOf(a.task) - order.indexOf(b.task));
  merged.details = Object.fromEntries(order.filter((n) => n in merged.details).map((n) => [n, merged.details[n]]));
  writeFileSync(jsonPath, JSON.stringify(merged, null, 2) + '\n');
  writeFileSync(join(evalDir, 'results.md'), renderResults(merged));
  const readme = join(evalDir, '..', 'README.md');
  writeFileSync(readme, withHeadline(readFileSync(readme, 'utf8'), merged));
  console.error(`eval: wrote eval/results.md, eval/results.json and README.md's headline (${merged.rows.length} rows)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('eval: ' + ((e as Error).message ?? String(e)).split('\n')[0]);
    process.exit(2);
  },
);
