/**
 * `npm run bench [-- options]`: every bench in turn, each in its own process (reported, never asserted).
 * `--store postgres` runs the PostgreSQL scale bench instead (bench/postgres.ts); `--n N` and `--checkpoints …`
 * go to the scale bench of the chosen store.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const at = args.indexOf('--store');
const store = at >= 0 ? args[at + 1] : 'sqlite';
const runs =
  store === 'postgres'
    ? [['bench/postgres.ts', ...args]]
    : [['bench/run.ts'], ['bench/scale.ts', ...args], ['bench/server.ts']];
for (const run of runs) {
  const r = spawnSync('npx', ['tsx', ...run], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
