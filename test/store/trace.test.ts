import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceToText } from '../../src/cli/corpus.js';
import { addPaths } from '../../src/corpus/add.js';
import { collectLinks, families } from '../../src/corpus/families.js';
import { familiesToDot, familiesToGraphml } from '../../src/corpus/graph-format.js';
import { retrieveCandidates } from '../../src/corpus/retrieve.js';
import { trace } from '../../src/corpus/trace.js';
import { extract } from '../../src/ingest/index.js';
import { analyze } from '../../src/nlp/index.js';
import { decodeAnalysis, openStore, type Store } from '../../src/store/index.js';
import { FIXTURES, fixture, tempDir } from './helpers.js';
import { loadVectors } from '../../src/align/vectors.js';

const vectors = loadVectors();

describe('trace and families on the fixture corpus', () => {
  const dir = tempDir('trace');
  let store: Store;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    store = await openStore(join(dir, 'unspun.db'));
    await addPaths(store, [FIXTURES], { vectors, workers: 0 });
    for (const m of await store.list()) id[m.source!.split('/').pop()!.replace(/\..*$/, '')] = m.id;
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('retrieves the wire story for the spun copy and never the query itself', async () => {
    const spun = await store.get(id['paper-spun']);
    const got = await retrieveCandidates(store, decodeAnalysis(spun!.analysis), 3, {
      vectors,
      exclude: [id['paper-spun']],
    });
    expect(got.map((c) => c.id)).toContain(id['wire-origin']);
    expect(got.map((c) => c.id)).not.toContain(id['paper-spun']);
  });

  it('puts the wire story first as origin of the spun copy, with the verbatim paper as sibling', async () => {
    const t = await trace(store, id['paper-spun'], { vectors });
    expect(t.schema).toBe('unspun.trace/2');
    expect(t.candidates[0]).toMatchObject({ id: id['wire-origin'], role: 'origin' });
    expect(t.candidates.find((c) => c.id === id['paper-verbatim'])?.role).toBe('sibling');
    expect(t.candidates.map((c) => c.id)).not.toContain(id['paper-spun']);
    expect(t.candidates.map((c) => c.id)).not.toContain(id.unrelated);
  });

  it('marks the papers as copies when the wire story itself is traced', async () => {
    const t = await trace(store, id['wire-origin'], { vectors });
    expect(t.candidates.some((c) => c.role === 'origin')).toBe(false);
    expect(t.candidates[0]).toMatchObject({ id: id['paper-verbatim'], role: 'copy' });
    expect(t.candidates.find((c) => c.id === id['paper-spun'])?.role).toBe('copy');
  });

  it('says which source each sentence of a stitched article came from', async () => {
    const t = await trace(store, id.stitched, { vectors });
    const origins = t.candidates.filter((c) => c.role === 'origin').map((c) => c.id);
    expect(origins).toEqual(expect.arrayContaining([id['wire-origin'], id.unrelated]));
    const body = t.sentences.slice(1);
    expect(body.slice(0, 2).every((s) => s.sources[0] === id['wire-origin'])).toBe(true);
    expect(body.slice(2).every((s) => s.sources[0] === id.unrelated)).toBe(true);
    expect(traceToText(t)).toMatch(/stitched from 2 sources: /);
  });

  it('does not call a copy stitched when a sibling is a second source of the same sentences', async () => {
    const t = await trace(store, id['paper-spun'], { vectors });
    expect(new Set(t.sentences.flatMap((s) => s.sources)).size).toBeGreaterThan(1);
    expect(traceToText(t)).not.toMatch(/stitched/);
  });

  it('traces an article that is not in the store', async () => {
    const text =
      fixture('paper-verbatim.html')
        .replace(/<[^>]+>/g, '')
        .replace(/\n{2,}/g, '\n\n')
        .trim() + '\n\nIt is the second closure this decade.';
    const t = await trace(store, analyze(extract(text)), { vectors });
    expect(t.query.id).toBeNull();
    // The query is the verbatim paper plus a sentence: that paper and the wire story lead (the origin role only
    // nudges the order; eval/NOTES.md), and the roles say which is the origin.
    expect(t.candidates.slice(0, 2).map((c) => c.id)).toEqual(
      expect.arrayContaining([id['wire-origin'], id['paper-verbatim']]),
    );
    expect(t.candidates.find((c) => c.id === id['wire-origin'])?.role).toBe('origin');
    expect(t.candidates.find((c) => c.id === id['paper-verbatim'])?.role).toBe('sibling');
  });

  it('groups the reuse family with the wire story as origin and serialises it', async () => {
    const f = await families(store, { vectors });
    expect(f.schema).toBe('unspun.families/2');
    const fam = f.families.find((x) => x.members.some((m) => m.id === id['wire-origin']))!;
    expect(fam.origin).toBe(id['wire-origin']);
    expect(fam.origins).toEqual([id['wire-origin']]);
    expect(fam.edges).toContainEqual(
      expect.objectContaining({ from: id['paper-verbatim'], to: id['wire-origin'], directed: true }),
    );
    expect(fam.edges).toContainEqual(
      expect.objectContaining({ from: id['paper-spun'], to: id['wire-origin'], directed: true }),
    );
    // The two papers share text only through the wire story: no edge between them.
    expect(
      fam.edges.some((e) => [e.from, e.to].sort().join() === [id['paper-spun'], id['paper-verbatim']].sort().join()),
    ).toBe(false);
    expect(familiesToDot(f)).toContain(`a${id['paper-verbatim']} -> a${id['wire-origin']}`);
    expect(familiesToGraphml(f)).toContain(`<edge source="a${id['paper-verbatim']}" target="a${id['wire-origin']}"`);
  });

  it("seeds only a sample of articles with --sample, and still finds the family through the seeds' short lists", async () => {
    const seen: Array<[number, number]> = [];
    const f = await families(store, { vectors, sample: 2, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([2, 2]);
    for (const x of f.families) expect(x.origins).toEqual([x.origin]);
    // Whatever the sample links, the full walk links too, with the same verdict (the clustering may then use the
    // full walk's further links to keep an article out: families are not monotone in links).
    const sampled = await collectLinks(store, { vectors, sample: 2 });
    const all = await collectLinks(store, { vectors });
    const pair = (l: { from: number; to: number; verdict: string }) =>
      `${Math.min(l.from, l.to)}:${Math.max(l.from, l.to)}:${l.verdict}`;
    const full = new Set(all.links.map(pair));
    for (const l of sampled.links) expect(full.has(pair(l))).toBe(true);
  });
});
