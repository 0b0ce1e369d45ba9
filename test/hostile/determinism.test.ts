import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/align/vectors.js';
import { addPaths } from '../../src/corpus/add.js';
import { extract } from '../../src/ingest/index.js';
import { analyze } from '../../src/nlp/index.js';
import { openStore } from '../../src/store/index.js';
import { tmp, write } from './helpers.js';

/** Texts that used to tokenise differently depending on what wink-nlp had read before (its OOV cache). */
const QUIRKS = [
  "He said 'I",
  `"'I think," she said.`,
  "(I) and 'I.",
  'A well-to-do-ish co-op-like U.S.-based firm.',
  "Zorblax's fleeb'll say 'Iwantit.",
];

describe('item 10: the same bytes give the same stored analysis', () => {
  it('tokens do not depend on the documents read before', () => {
    const tokens = (s: string) =>
      analyze(extract(s, { format: 'text' }))
        .tokens.map((t) => t.text)
        .join('|');
    const first = QUIRKS.map(tokens);
    [...QUIRKS].reverse().forEach(tokens);
    expect(QUIRKS.map(tokens)).toEqual(first);
  });

  it('one corpus added with 0 and with 2 workers stores identical rows in every table', {
    timeout: 240_000,
  }, async () => {
    const dir = tmp('determinism');
    const records = Array.from({ length: 40 }, (_, i) => ({
      id: `d${i}`,
      text: `${QUIRKS[i % QUIRKS.length]} Mayor Lena Ortiz said ${i + 2} buses would run on route ${i}. "We had no choice," she said on Tuesday, adding that nearly ${i * 10}% of riders agreed.`,
    }));
    const file = write(dir, 'corpus.jsonl', records.map((r) => JSON.stringify(r)).join('\n'));
    const vectors = loadVectors();
    const dump = async (workers: number) => {
      const path = join(dir, `w${workers}.db`);
      const store = await openStore(path);
      await addPaths(store, [file], { vectors, workers, chunkSize: 7 });
      // The full-text index (an FTS5 table and its shadow tables: segment blobs) is compared by what it answers.
      const search = await store.textSearch('Mayor Ortiz said buses would run on route 7', 40);
      await store.close();
      const db = new Database(path, { readonly: true });
      const tables = (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
          .pluck()
          .all() as string[]
      ).filter((t) => t !== 'migrations' && !t.startsWith('article_text'));
      const out: Record<string, unknown[]> = { search };
      for (const t of tables)
        out[t] = db
          .prepare(`SELECT * FROM ${t} ORDER BY 1, 2`)
          .all()
          .map((r) => ({ ...(r as object), added_at: undefined }));
      db.close();
      return out;
    };
    const inProcess = await dump(0);
    const threaded = await dump(2);
    expect(Object.keys(threaded)).toEqual(Object.keys(inProcess));
    for (const table of Object.keys(inProcess)) expect(threaded[table], table).toEqual(inProcess[table]);
    expect(inProcess.articles).toHaveLength(40);
  });
});
