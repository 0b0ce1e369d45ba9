import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVectors } from '../../src/align/vectors.js';
import { addPaths } from '../../src/corpus/add.js';
import { trace } from '../../src/corpus/trace.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const vectors = loadVectors();

// A wire take filed the day of a sentencing ("today"), and two papers of the next morning ("yesterday") that both
// rewrote it and added the same background: the papers share more with each other than with the take.
const WIRE =
  'A former postman who hid more than 4,000 letters in his garden shed was jailed for eight months today. ' +
  'Gareth Pollard, 41, admitted delaying the post at Cardiff Crown Court. ' +
  'Judge Helen Morris told him he had betrayed the trust of hundreds of households. ' +
  'Pollard said he had been unable to cope with the size of his round.';
const BACKGROUND =
  'Neighbours in the village of Pentyrch had complained for months that birthday cards and bills never arrived. ' +
  'Royal Mail said it had apologised to every customer affected and had changed how rounds are checked. ' +
  'The letters were found by a builder who was repairing the roof of the shed last spring.';
const PAPER_A =
  'A postman who hid more than 4,000 letters in his garden shed was jailed for eight months yesterday. ' +
  'Gareth Pollard, 41, had admitted delaying the post when he appeared at Cardiff Crown Court. ' +
  'Judge Helen Morris said he had betrayed the trust of hundreds of households. ' +
  BACKGROUND;
const PAPER_B =
  'A former postman who stashed more than 4,000 letters in his garden shed was jailed for eight months yesterday. ' +
  'Gareth Pollard, 41, admitted delaying the mail at Cardiff Crown Court. ' +
  BACKGROUND +
  ' Pollard told the court he could not cope with the size of his round.';

/** A temporary corpus of these JSON Lines records for the describe block; `id` maps each record's id to its store id. */
function corpusOf(name: string, docs: Array<{ id: string; text: string; published?: string }>) {
  const dir = tempDir(name);
  const ctx = { store: null as unknown as Store, id: {} as Record<string, number> };
  beforeAll(async () => {
    const jsonl = join(dir, 'docs.jsonl');
    writeFileSync(jsonl, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    ctx.store = await openStore(join(dir, 'unspun.db'));
    await addPaths(ctx.store, [jsonl], { vectors, workers: 0 });
    for (const m of await ctx.store.list()) ctx.id[m.article] = m.id;
  });
  afterAll(async () => {
    await ctx.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return ctx;
}

describe('trace: a candidate written before the query', () => {
  const c = corpusOf('trace-day', [
    { id: 'wire', text: WIRE },
    { id: 'paper-a', text: PAPER_A },
    { id: 'paper-b', text: PAPER_B },
  ]);

  it('ranks the take that says "today" above the sibling paper that says "yesterday" like the query', async () => {
    const t = await trace(c.store, c.id['paper-a'], { vectors });
    expect(t.candidates.map((x) => x.id)).toEqual([c.id.wire, c.id['paper-b']]);
  });
});

describe('trace: a candidate published after the query', () => {
  // No day words this time: only the papers' dates tell them apart.
  const undated = (s: string) => s.replace(/\b(today|yesterday)\b/g, 'on Tuesday');
  const c = corpusOf('trace-published', [
    { id: 'wire', text: undated(WIRE), published: '2026-03-03T16:00:00Z' },
    { id: 'paper-a', text: undated(PAPER_A), published: '2026-03-04T06:00:00Z' },
    { id: 'paper-b-later', text: undated(PAPER_B), published: '2026-03-05T06:00:00Z' },
    { id: 'paper-b-same-day', text: `${undated(PAPER_B)} Both papers ran it.`, published: '2026-03-04T09:00:00Z' },
  ]);

  it('ranks the wire take above a sibling published a day later, but not above one of the same day', async () => {
    const ids = (await trace(c.store, c.id['paper-a'], { vectors })).candidates.map((x) => x.id);
    // The same-day sibling shares the added background and outranks the take; the later one, same text, does not.
    expect(ids.indexOf(c.id['paper-b-same-day'])).toBeLessThan(ids.indexOf(c.id.wire));
    expect(ids.indexOf(c.id.wire)).toBeLessThan(ids.indexOf(c.id['paper-b-later']));
  });
});
