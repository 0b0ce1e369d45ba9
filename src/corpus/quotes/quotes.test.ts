import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors } from '../../align/vectors.js';
import { loadLexicon } from '../../align/words/wordnet.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/store.js';
import { addPaths } from '../add.js';
import { articleQuotes, quoteProvenance, type QuoteTrail } from './index.js';

/** Seven articles written for this test: a wire quote, then copies that keep, alter, move, drop or restate it. */
const FIXTURE = join(import.meta.dirname, '../../../test/fixtures/quotes/harbour.jsonl');
const models = { vectors: loadVectors(), lexicon: loadLexicon() };

let dir: string;
let store: Store;
let idOf: (article: string) => number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unspun-quotes-'));
  store = await openStore(join(dir, 'q.db'));
  await addPaths(store, [FIXTURE], { vectors: models.vectors, workers: 0 });
  const metas = await store.list();
  idOf = (article) => metas.find((m) => m.article === article)!.id;
}, 60_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** article identity → mutations, over every appearance of the trail. */
function mutations(t: QuoteTrail): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const w of t.wordings)
    for (const a of w.appearances)
      out[[...Object.entries(ids)].find(([, id]) => id === a.article.id)![0]] = a.mutations;
  return out;
}

describe('quote provenance', () => {
  it('follows a fragment to every appearance, earliest first, with each mutation against the earliest', async () => {
    for (const a of ['wire', 'copy', 'altered', 'reattributed', 'unattributed', 'restated', 'fabricated'])
      ids[a] = idOf(a);
    const r = await quoteProvenance(store, 'the fishermen will have their berths back before winter', models);
    expect(r.schema).toBe('unspun.quotes/1');
    const [t] = r.trails;
    expect(t.order).toBe('published');
    expect(t.earliest?.article.id).toBe(ids.wire);
    expect(t.earliest?.speaker).toMatchObject({ name: 'Ines Brook', description: 'chair of the harbour board' });
    expect(mutations(t)).toEqual({
      wire: [],
      copy: [],
      altered: ['words-changed'],
      reattributed: ['speaker-changed'],
      unattributed: ['speaker-dropped'],
      // "according to the harbour board": the board Brook chairs, so the speaker is not changed.
      restated: ['quote-to-paraphrase'],
      fabricated: [],
    });
    expect(t.counts).toEqual({ appearances: 7, quoted: 6, paraphrased: 1, mutated: 4 });
    // Grouped by wording: the verbatim ones together, the altered wording with its word diff from the word aligner.
    expect(t.wordings.map((w) => w.appearances.length)).toEqual([5, 1, 1]);
    const altered = t.wordings[1];
    expect(altered.diff?.filter((o) => o.op !== 'same')).toEqual([
      { op: 'changed', text: 'summer', was: 'winter', relation: 'antonym' },
    ]);
  });

  it('flags a quote first seen in a copy of an earlier article that lacks it as possibly fabricated, and only that one', async () => {
    const r = await articleQuotes(store, ids.fabricated, models);
    const flagged = r.trails.filter((t) => t.earliest?.mutations.includes('possibly-fabricated'));
    expect(flagged.map((t) => t.query)).toEqual([
      'anyone who stands in the way of this pier will answer to me personally',
    ]);
    // The wire's own quotes are first seen in the wire, which copies nothing: never flagged.
    const wire = await articleQuotes(store, ids.wire, models);
    expect(wire.trails.flatMap((t) => t.earliest?.mutations ?? [])).toEqual([]);
  });

  it('finds nothing for words no article quotes, and refuses a query without content words', async () => {
    const r = await quoteProvenance(store, 'the lighthouse keepers will strike on Friday', models);
    expect(r.trails[0].counts.appearances).toBe(0);
    await expect(quoteProvenance(store, 'the and of', models)).rejects.toThrow(/no content words/);
    await expect(articleQuotes(store, 999, models)).rejects.toThrow(/no article with id 999/);
  });
});
