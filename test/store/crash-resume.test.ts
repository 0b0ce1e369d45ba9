import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addPaths } from '../../src/corpus/add.js';
import { openStore } from '../../src/store/index.js';
import { bulletins, tempDir } from './helpers.js';
import { loadVectors } from '../../src/align/vectors.js';

const vectors = loadVectors();

const RECORDS = 400;

const corpus = () => bulletins(RECORDS);

describe('resume after a crash', () => {
  const dir = tempDir('crash');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps committed chunks after SIGKILL and completes without duplicates on a re-run', async () => {
    const db = join(dir, 'unspun.db');
    const input = join(dir, 'batch.jsonl');
    writeFileSync(input, corpus());
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'ingest-child.ts'), db, input],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const committedBeforeKill = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /committed (\d+)/.exec(out);
        if (m) {
          child.kill('SIGKILL');
          resolve(Number(m[1]));
        }
        if (out.includes('done')) reject(new Error('child finished before it could be killed'));
      });
      child.on('error', reject);
    });
    await new Promise((r) => child.on('exit', r));
    expect(child.signalCode).toBe('SIGKILL');

    const store = await openStore(db);
    const survived = await store.count();
    expect(survived).toBeGreaterThanOrEqual(committedBeforeKill);
    expect(survived).toBeLessThan(RECORDS);

    const s = await addPaths(store, [input], { vectors, workers: 0 });
    expect(s.failed).toEqual([]);
    expect(s.duplicates).toBe(survived);
    expect(s.added).toBe(RECORDS - survived);
    expect(await store.count()).toBe(RECORDS);
    const hashes = (await store.list()).map((m) => m.hash);
    expect(new Set(hashes).size).toBe(RECORDS);
    const ids = new Set((await store.list()).map((m) => m.article));
    expect(ids.size).toBe(RECORDS);
    await store.close();
  });
});
