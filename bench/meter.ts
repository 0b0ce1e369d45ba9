import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Root of the shared datasets: UNSPUN_DATA or ../shared/data beside the repo. */
export function dataDir(): string {
  const dir = process.env.UNSPUN_DATA ?? resolve(import.meta.dirname ?? '.', '../../shared/data');
  if (!existsSync(join(dir, 'meter-courts'))) {
    process.stderr.write(`bench: ${dir}/meter-courts not found (set UNSPUN_DATA to the shared data folder)\n`);
    process.exit(2);
  }
  return dir;
}

/** Every METER courts file (PA and newspaper), as raw bytes: the benchmark corpus. */
export function meterFiles(dir = dataDir()): Buffer[] {
  const out: Buffer[] = [];
  for (const side of ['PA/rawtexts/courts', 'newspapers/rawtexts/courts']) {
    const root = join(dir, 'meter-courts', side);
    // Skip the readme.txt files beside the date folders.
    for (const date of readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory())) {
      for (const story of readdirSync(join(root, date))) {
        for (const f of readdirSync(join(root, date, story))) out.push(readFileSync(join(root, date, story, f)));
      }
    }
  }
  return out;
}
