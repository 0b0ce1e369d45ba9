import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../store/store.js';
import type { Verdict } from '../types.js';
import { clusterFamilies, type FamiliesResult, type PairLink } from './families.js';
import { familiesToDot, familiesToGraphml } from './graph-format.js';

const link = (from: number, to: number, verdict: Verdict, strength: number): PairLink => ({
  from,
  to,
  directed: true,
  verdict,
  strength,
  confidence: 0.8,
  fromCovered: strength,
  toCovered: strength / 2,
});
const metas = new Map<number, ArticleMeta>(
  [1, 2, 3, 4].map((id) => [id, { id, title: `Story ${id}`, outlet: id === 1 ? 'Wire' : 'Paper' } as ArticleMeta]),
);
// Wire 1 with copies 2 and 3; 4 rewrote copy 2 but is only the same story as the wire: related coverage.
const result: FamiliesResult = {
  schema: 'unspun.families/2',
  tool: { name: 'unspun', version: 'test' },
  families: clusterFamilies(
    [
      link(2, 1, 'verbatim-copy', 0.95),
      link(3, 1, 'rewrite', 0.8),
      link(4, 2, 'rewrite', 0.85),
      link(4, 1, 'same-story', 0.5),
    ],
    metas,
  ),
};

describe('family graphs', () => {
  it('DOT: one cluster with the origin double-circled; related coverage dotted, outside every cluster', () => {
    const dot = familiesToDot(result);
    const cluster = dot.slice(dot.indexOf('subgraph cluster_1'), dot.indexOf('  }\n'));
    expect(cluster).toContain('a1 [label="#1 Wire Story 1", peripheries=2]');
    expect(cluster).toContain('a2 -> a1');
    expect(cluster).not.toContain('a4');
    const outside = dot.slice(dot.indexOf('  }\n'));
    expect(outside).toContain('a4 [label="#4 Paper Story 4", style=dashed, color=gray50]');
    expect(outside).toContain('a4 -> a2 [label="related: rewrite", dir=none, style=dotted');
  });

  it('GraphML: related coverage is a family-0 node and a related=true edge', () => {
    const xml = familiesToGraphml(result);
    const node = xml.slice(xml.indexOf('<node id="a4">'), xml.indexOf('</node>', xml.indexOf('<node id="a4">')));
    expect(node).toContain('<data key="family">0</data>');
    const edge = xml.slice(xml.indexOf('<edge source="a4"'), xml.indexOf('</edge>', xml.indexOf('<edge source="a4"')));
    expect(edge).toContain('target="a2"');
    expect(edge).toContain('<data key="related">true</data>');
    expect(xml.match(/<data key="origin">true<\/data>/g)).toHaveLength(1);
  });
});
