import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../store/store.js';
import type { Verdict } from '../types.js';
import { clusterFamilies, type PairLink } from './families.js';

/** A link as collectLinks() keeps it: `from` copied from `to` when directed. */
const link = (from: number, to: number, verdict: Verdict, strength: number, directed = true): PairLink => ({
  from,
  to,
  directed,
  verdict,
  strength,
  confidence: 0.8,
  fromCovered: strength,
  toCovered: strength / 2,
});
const metas = new Map<number, ArticleMeta>();
const familyOf = (fams: ReturnType<typeof clusterFamilies>, id: number) =>
  fams.find((f) => f.members.some((m) => m.id === id))?.id;

describe('clusterFamilies', () => {
  it('grows one family per origin: copies join what they copied, with one origin', () => {
    // Wire 1 with copies 2, 3, 4; the copies share text with each other too.
    const fams = clusterFamilies(
      [
        link(2, 1, 'verbatim-copy', 0.9),
        link(3, 1, 'rewrite', 0.8),
        link(4, 1, 'partial-reuse', 0.6),
        link(3, 2, 'partial-reuse', 0.5),
        link(4, 2, 'partial-reuse', 0.4),
      ],
      metas,
    );
    expect(fams).toHaveLength(1);
    expect(fams[0].origin).toBe(1);
    expect(fams[0].origins).toEqual([1]);
    expect(fams[0].members.map((m) => m.id).sort()).toEqual([1, 2, 3, 4]);
  });

  it('does not chain two stories through one weak link between their copies', () => {
    // Story A: wire 1, copies 2, 3. Story B: wire 11, copies 12, 13. One false partial-reuse 12 → 3.
    const fams = clusterFamilies(
      [
        link(2, 1, 'verbatim-copy', 0.9),
        link(3, 1, 'rewrite', 0.8),
        link(3, 2, 'rewrite', 0.6),
        link(12, 11, 'verbatim-copy', 0.9),
        link(13, 11, 'rewrite', 0.8),
        link(13, 12, 'rewrite', 0.6),
        link(12, 3, 'partial-reuse', 0.3),
        link(11, 2, 'partial-reuse', 0.3),
      ],
      metas,
    );
    expect(familyOf(fams, 1)).not.toBe(familyOf(fams, 11));
    expect(familyOf(fams, 12)).toBe(familyOf(fams, 11));
    expect(fams.map((f) => f.origin).sort((a, b) => a - b)).toEqual([1, 11]);
  });

  it("keeps a sibling's partial copy out when it is only the same story as the wire", () => {
    // 5 shares some sentences with copy 2, but against the wire itself it is an independent report.
    const fams = clusterFamilies(
      [link(2, 1, 'verbatim-copy', 0.9), link(5, 2, 'partial-reuse', 0.4), link(5, 1, 'same-story', 0.5)],
      metas,
    );
    expect(fams).toHaveLength(1);
    expect(fams[0].members.map((m) => m.id)).not.toContain(5);
    // …and is listed beside the family as related coverage, never in its copy graph.
    expect(fams[0].related.map((r) => r.id)).toEqual([5]);
    expect(fams[0].related[0]).toMatchObject({ family: null });
    expect(fams[0].edges.some((e) => e.from === 5 || e.to === 5)).toBe(false);
  });

  it('same-story links alone make no family', () => {
    expect(clusterFamilies([link(2, 1, 'same-story', 0.7), link(3, 1, 'same-story', 0.6)], metas)).toEqual([]);
  });

  it('settles an undirected pair and a cycle on one origin', () => {
    const fams = clusterFamilies(
      [link(1, 2, 'verbatim-copy', 0.95, false), link(3, 1, 'rewrite', 0.7), link(3, 2, 'rewrite', 0.7)],
      metas,
    );
    expect(fams).toHaveLength(1);
    expect(fams[0].members).toHaveLength(3);
    expect([1, 2]).toContain(fams[0].origin);
  });

  it('names the text written the day of the event as origin, though content reads it as the copy', () => {
    // Wire take 1 says "today"; papers 2 and 3 say "yesterday" and hold more than the take, so content reads the
    // take as copied from them.
    const links = [link(1, 2, 'rewrite', 0.85), link(1, 3, 'rewrite', 0.8), link(3, 2, 'partial-reuse', 0.5)];
    const days = new Map([
      [1, 'same-day' as const],
      [2, 'next-day' as const],
      [3, 'next-day' as const],
    ]);
    expect(clusterFamilies(links, metas)[0].origin).not.toBe(1);
    const [fam] = clusterFamilies(links, metas, {}, days);
    expect(fam.origin).toBe(1);
    expect(fam.members[0].id).toBe(1);
    // The copy graph reads in copy order too: each paper copied from the take.
    expect(fam.edges.filter((e) => e.to === 1).map((e) => e.from)).toEqual([2, 3]);
    // Dates, when every member has one, outrank the day words: here they agree with the content.
    const dated = new Map(
      [2, 3, 1].map((id, i) => [id, { id, published: `2026-03-0${i + 1}T08:00:00Z` } as ArticleMeta]),
    );
    expect(clusterFamilies(links, dated, {}, days)[0].origin).toBe(2);
  });

  it('lists a member that is only the same story as the origin beside the family, however it was reached', () => {
    // 4 is a strong rewrite of copy 2 (above the chain cut, so the branching takes it), but against the wire itself
    // the comparison calls it an independent report of the same event.
    const fams = clusterFamilies(
      [
        link(2, 1, 'verbatim-copy', 0.95),
        link(3, 1, 'rewrite', 0.8),
        link(4, 2, 'rewrite', 0.85),
        link(4, 1, 'same-story', 0.5),
      ],
      metas,
    );
    expect(fams).toHaveLength(1);
    expect(fams[0].origin).toBe(1);
    expect(fams[0].members.map((m) => m.id).sort()).toEqual([1, 2, 3]);
    expect(fams[0].edges.some((e) => e.from === 4 || e.to === 4)).toBe(false);
    expect(fams[0].related).toEqual([expect.objectContaining({ id: 4, family: null, with: 2, verdict: 'rewrite' })]);
  });
});
